import type { Patrol } from '../contracts/patrol.js';

/**
 * Who may report for a patrol from the field (field app, SMS, radio, TAK): its leader and the
 * reporters its planner named. Officers at a desk keep reporting through the API as their role allows.
 */
export function mayReportFromField(patrol: Pick<Patrol, 'leaderUserId' | 'reporterUserIds'>, userId: string): boolean {
  return patrol.leaderUserId === userId || patrol.reporterUserIds.includes(userId);
}
