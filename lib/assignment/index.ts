// Who gets a candidate: the callers that may be given one, the least loaded of them, and the group a
// region belongs to. Import assignment, a leader's moves and the hand-back on leave all pick through here.
export { assignableCallers, type CallerLoads, callerLoads, takeLeastLoaded } from "./callers";
export { regionGroups, regionKey } from "./regions";
