import type { CompetitionPolicy } from './policy';

/**
 * The funding decision (DOMAIN §5.3): in rank order, each project at or above the pass mark gets
 * the lesser of its cap and its request (or the amount the panel set), as long as the round's
 * budget and its category's quotas allow; a project that does not fit is passed over and the
 * next one is tried.
 */

export interface RankedProject {
  proposalId: string;
  rank: number;
  score: number;
  category: string;
  requestedFen: number;
  capFen: number;
  panelAmountFen?: number;
  /** An objection against it was upheld in publicity. */
  excluded?: boolean;
}

export interface FundingDecision {
  proposalId: string;
  selected: boolean;
  awardFen: number;
  reason: string;
}

export function rankFunding(
  ranked: RankedProject[],
  p: Pick<CompetitionPolicy, 'budgetFen' | 'categories' | 'passMark'>,
): FundingDecision[] {
  let left = p.budgetFen;
  const used = new Map<string, { projects: number; fen: number }>();
  return [...ranked]
    .sort((a, b) => a.rank - b.rank)
    .map((r) => {
      const no = (reason: string) => ({
        proposalId: r.proposalId,
        selected: false,
        awardFen: 0,
        reason,
      });
      if (r.excluded) return no('公示期异议成立，取消资助');
      if (r.score < p.passMark) return no(`得分${r.score}低于及格线${p.passMark}`);
      const award = Math.min(r.capFen, r.requestedFen, r.panelAmountFen ?? Number.MAX_SAFE_INTEGER);
      const cat = p.categories.find((c) => c.code === r.category);
      const u = used.get(r.category) ?? { projects: 0, fen: 0 };
      if (cat?.quotaProjects !== undefined && u.projects >= cat.quotaProjects)
        return no(`“${cat.name}”类别名额（${cat.quotaProjects}个）已满`);
      if (cat?.quotaFen !== undefined && u.fen + award > cat.quotaFen)
        return no(`“${cat.name}”类别资金额度不足`);
      if (award > left) return no('本轮剩余预算不足');
      left -= award;
      used.set(r.category, { projects: u.projects + 1, fen: u.fen + award });
      return {
        proposalId: r.proposalId,
        selected: true,
        awardFen: award,
        reason: `按排名第${r.rank}位予以资助`,
      };
    });
}
