import { type SecurityPolicy, securityPolicySchema } from '../../domain/security/policy';
import type { Db } from '../db';
import { loadRuleLayers, RuleSetError } from './load-rule-layers';

/** The security policy in force now; without any rule version, the defaults of the schema. */
export async function loadSecurityPolicy(db: Db, districtCode: string): Promise<SecurityPolicy> {
  try {
    const r = await loadRuleLayers(db, 'security', districtCode, Date.now(), (s) =>
      securityPolicySchema.safeParse(s),
    );
    return r.policy;
  } catch (e) {
    if (e instanceof RuleSetError && e.kind === 'missing') return securityPolicySchema.parse({});
    throw e;
  }
}

/**
 * Every request reads the policy (session timeouts, rate limits): one read per process every
 * `ttlMs` at most. A new version takes effect within that time, at once in the process that
 * stored it (it calls `invalidate`).
 */
export class SecurityPolicyCache {
  private value: { policy: SecurityPolicy; at: number } | null = null;
  private pending: Promise<SecurityPolicy> | null = null;

  constructor(
    private readonly db: Db,
    private readonly districtCode: string,
    private readonly ttlMs = 30_000,
  ) {}

  async get(): Promise<SecurityPolicy> {
    if (this.value && Date.now() - this.value.at < this.ttlMs) return this.value.policy;
    this.pending ??= loadSecurityPolicy(this.db, this.districtCode)
      .then((policy) => {
        this.value = { policy, at: Date.now() };
        return policy;
      })
      .finally(() => {
        this.pending = null;
      });
    return this.pending;
  }

  invalidate(): void {
    this.value = null;
  }
}
