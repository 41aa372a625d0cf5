import type { ProspectPolicy } from "./policy";

/** A person's phase-1 points and what they pay: registrations x points each, points x fen each (exact fen). */
// a type, not an interface: it is stored as JSON inside a signed payout run's inputs
export type RegistrationPoints = {
  registrations: number;
  pointsEach: number;
  points: number;
  fenPerPoint: number;
  fen: number;
};

export function registrationPoints(registrations: number, policy: ProspectPolicy): RegistrationPoints {
  const points = registrations * policy.pointsPerRegistration;
  return {
    registrations,
    pointsEach: policy.pointsPerRegistration,
    points,
    fenPerPoint: policy.fenPerPoint,
    fen: points * policy.fenPerPoint,
  };
}
