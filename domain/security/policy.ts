import { z } from 'zod';

/**
 * The security policy (issue 13; 等保 2.0 level 3, OWASP ASVS 5.0 L2): every number of sign-in,
 * sessions, the second factor, passwords, throttling and quotas. A rule set of process
 * `security` stores only what differs; only the security administrator adds one (三权分立).
 */

const minutes = (min: number, max: number, def: number) =>
  z.number().int().min(min).max(max).default(def);

export const securityPolicySchema = z.object({
  sessions: z
    .object({
      /** A session unused this long ends (等保: 登录连接超时自动退出). */
      idleMinutes: minutes(1, 240, 30),
      /** A session ends this long after sign-in, used or not (one working day). */
      absoluteMinutes: minutes(5, 24 * 60, 12 * 60),
      /** Time to complete the second factor after the password. */
      secondFactorMinutes: minutes(1, 30, 5),
    })
    .prefault({}),
  mfa: z
    .object({
      /** TOTP required of every role but applicants (staff, experts, judges, administrators). */
      requiredForStaff: z.boolean().default(true),
      /** Also of applicants (off: an organisation's account is not a bureau account). */
      requiredForApplicants: z.boolean().default(false),
      /** One-time recovery codes issued at enrolment. */
      recoveryCodes: z.number().int().min(5).max(20).default(10),
    })
    .prefault({}),
  passwords: z
    .object({
      /** ASVS 5.0 6.2.1: at least 8; 15 recommended where no second factor is used. */
      minLength: z.number().int().min(8).max(64).default(10),
    })
    .prefault({}),
  loginThrottle: z
    .object({
      /** The window failures are counted in. */
      windowMinutes: minutes(1, 24 * 60, 15),
      /** Failed sign-ins (password or second factor) of one account before it is held. */
      perAccount: z.number().int().min(3).max(100).default(5),
      /** Failed sign-ins from one source address before it is held. */
      perSource: z.number().int().min(5).max(10_000).default(30),
      /** Distinct accounts failed from one source: more is password spraying, and it is held. */
      sprayAccounts: z.number().int().min(3).max(1000).default(10),
    })
    .prefault({}),
  uploads: z
    .object({
      /** Files one account may upload in 24 hours. */
      perAccountPerDay: z.number().int().min(1).max(10_000).default(100),
      /** Bytes one account may upload in 24 hours. */
      bytesPerAccountPerDay: z
        .number()
        .int()
        .min(1024 * 1024)
        .default(500 * 1024 * 1024),
      /** An upload no application, proposal or evidence list names is deleted after this long. */
      unattachedExpiryHours: z
        .number()
        .int()
        .min(1)
        .max(24 * 90)
        .default(72),
    })
    .prefault({}),
  rateLimits: z
    .object({
      /** Requests a minute from one address to routes open without signing in. */
      anonymousPerMinute: z.number().int().min(10).max(100_000).default(120),
      /** Requests a minute of one account to an expensive route (name check, figures, import). */
      expensivePerMinute: z.number().int().min(5).max(10_000).default(30),
    })
    .prefault({}),
});
export type SecurityPolicy = z.infer<typeof securityPolicySchema>;
