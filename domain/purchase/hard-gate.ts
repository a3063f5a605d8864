/** Shown whenever a grade is a hard eligibility gate (§6.3, art. 7 of 财政部令第102号). */
export const HARD_GATE_WARNING =
  '已启用等级硬性门槛：《政府购买服务管理办法》（财政部令第102号）第七条禁止设置不合理的差别或歧视性条件，正式采购中不得将评估等级作为资格条件，请慎用。';
