import type { KeyObject } from 'node:crypto';
import { Router } from 'express';
import { normalizeSealCode, SEAL_ALGORITHM } from '../../lib/document-seal';
import { verificationKeys } from '../../lib/document-signing-key';
import type { AppDeps } from '../app';
import { checkDocument } from '../check-document';
import { AppError } from '../problem';
import { publicCompetitions, publicPurchases } from '../public-listings';
import type { RouteRegistry } from '../route';
import * as S from '../schemas/public';

const TAG = '公开信息（无需登录）';

/**
 * What anyone may read without an account (issue 15 points 6 and 11): the funding lists of
 * venture-philanthropy rounds, purchase notices and awards, and whether a sealed document is
 * genuine and in force. Counted per address like every open route (api/rate-limits.ts).
 */
export function createPublicRouter(registry: RouteRegistry, deps: AppDeps): Router {
  const router = Router();
  const { db, config } = deps;
  const known = verificationKeys(config);
  const keys: ReadonlyMap<string, KeyObject> = new Map(
    [...known].map(([id, k]) => [id, k.publicKey]),
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/public/competitions',
      tag: TAG,
      summary: '公益创投拟资助项目公示名单与资助名单（公示开始后公开）',
      access: 'public',
      response: { status: 200, description: '各轮次的资助名单', schema: S.ZPublicCompetitions },
    },
    () => publicCompetitions(db),
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/public/purchases',
      tag: TAG,
      summary: '政府购买服务采购公告与成交结果（公告发布后公开；结果公示前不公开响应单位）',
      access: 'public',
      response: { status: 200, description: '采购公告与成交结果', schema: S.ZPublicPurchases },
    },
    () => publicPurchases(db, config),
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/public/documents/keys',
      tag: TAG,
      summary: '文书数字签章的公钥（离线核验用；第一个为现用密钥，其后为曾用密钥）',
      access: 'public',
      response: { status: 200, description: '公钥（PEM）', schema: S.ZSigningKeys },
    },
    async () => ({
      algorithm: SEAL_ALGORITHM,
      // The signing key's first, then the earlier ones.
      keys: [...known].map(([keyId, k]) => ({ keyId, publicKeyPem: k.pem })),
    }),
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/public/documents/:code',
      tag: TAG,
      summary: '核验文书（证书、通知书、决定书）的真伪与效力',
      description:
        '按文书上的核验码查询：数字签章是否有效、文书是否仍然有效（已注销、已撤销、等级已失效的显示为已失效）。',
      access: 'public',
      params: S.ZDocumentCodeParams,
      response: { status: 200, description: '核验结果', schema: S.ZPublicDocument },
      problems: ['not_found'],
    },
    async ({ params }) => {
      const code = normalizeSealCode(params.code);
      const found = code ? await checkDocument(db, keys, code) : null;
      if (!found) throw new AppError('not_found', '没有找到该核验码对应的文书，请核对核验码');
      return found;
    },
  );

  return router;
}
