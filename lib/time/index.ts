// Beijing time, the campaign's only clock: days, wall-clock times and weeks. Pure: the caller passes `now`.
export * from "./beijing";
export * as Week from "./week";
