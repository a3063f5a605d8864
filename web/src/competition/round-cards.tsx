import { ActionButton } from '../components/action-dialog';
import { Card } from '../components/ui';
import { formatDateTime } from '../format';
import { isOffered } from '../offers';
import { yuan } from './labels';
import type { RoundDetail } from './types';

/** The administrator's stage actions, shown when the round workflow offers them (allowedActions). */
const ROUND_ACTIONS: {
  update: string;
  about?: { phase: 'first' | 'roadshow' };
  label: string;
  path: string;
  prompt: string;
}[] = [
  {
    update: 'closeCall',
    label: '截止征集',
    path: 'close-call',
    prompt: '截止征集后不再接收申报，进入资格审查。',
  },
  {
    update: 'openScoring',
    about: { phase: 'first' },
    label: '开始初评',
    path: 'scoring/first/open',
    prompt: '按回避规则为每个项目分配评审组。',
  },
  {
    update: 'closeScoring',
    about: { phase: 'first' },
    label: '结束初评并汇总',
    path: 'scoring/first/close',
    prompt: '汇总得分、按同分规则排序并确定入围名单。',
  },
  {
    update: 'openScoring',
    about: { phase: 'roadshow' },
    label: '开始路演评审',
    path: 'scoring/roadshow/open',
    prompt: '入围项目进入路演答辩评审。',
  },
  {
    update: 'closeScoring',
    about: { phase: 'roadshow' },
    label: '结束路演评审并汇总',
    path: 'scoring/roadshow/close',
    prompt: '汇总路演得分。',
  },
  {
    update: 'decideFunding',
    label: '确定资助名单并公示',
    path: 'funding',
    prompt: '在预算和类别名额内确定资助名单，并开始公示。',
  },
  { update: 'closeRound', label: '结束本轮', path: 'close', prompt: '全部项目结项后结束本轮。' },
];

/** The administrator's stage decisions the round's workflow would accept now. */
export function RoundActions({ round, onDone }: { round: RoundDetail; onDone: () => void }) {
  const actions = ROUND_ACTIONS.filter((a) => isOffered(round, a.update, a.about));
  return (
    <Card title="本阶段可办理">
      <div className="action-buttons">
        {actions.map((a) => (
          <ActionButton
            key={a.path}
            label={a.label}
            tone="primary"
            path={`/api/competitions/${round.id}/${a.path}`}
            prompt={a.prompt}
            onDone={onDone}
          />
        ))}
        {actions.length === 0 && (
          <p className="muted">本阶段没有需要您办理的轮次事项（公示期结束后自动进入项目实施）。</p>
        )}
      </div>
    </Card>
  );
}

/** The round's settings as people read them; the rule version for the administrator. */
export function RoundSettings({ round: r, admin }: { round: RoundDetail; admin: boolean }) {
  const s = r.settings;
  return (
    <Card title="本轮设置">
      <dl className="summary">
        <div className="summary-row">
          <dt>征集期</dt>
          <dd>
            {formatDateTime(r.callOpensAt)} 至 {formatDateTime(r.callClosesAt)}
          </dd>
        </div>
        <div className="summary-row">
          <dt>预算</dt>
          <dd>
            {yuan(s.budgetFen)}（{s.fundingSource.name}）
          </dd>
        </div>
        <div className="summary-row">
          <dt>类别</dt>
          <dd>{s.categories.map((c) => c.name).join('、')}</dd>
        </div>
        <div className="summary-row">
          <dt>单个项目上限</dt>
          <dd>
            已登记组织 {yuan(s.caps.registeredFen)}
            {s.allowRecorded ? `，备案组织 ${yuan(s.caps.recordedFen)}` : ''}
          </dd>
        </div>
        <div className="summary-row">
          <dt>评分标准</dt>
          <dd>
            {s.rubric.map((c) => `${c.name} ${c.max}分`).join('、')}；及格线 {s.passMark} 分
          </dd>
        </div>
        <div className="summary-row">
          <dt>拨付比例</dt>
          <dd>{s.tranchePercents.join(' / ')}（%）</dd>
        </div>
        <div className="summary-row">
          <dt>匿名评审</dt>
          <dd>{s.blindReview ? '是（评审看不到申报单位）' : '否'}</dd>
        </div>
        {admin && (
          <div className="summary-row">
            <dt>规则版本</dt>
            <dd className="mono">{r.ruleVersion}</dd>
          </div>
        )}
      </dl>
    </Card>
  );
}
