// The words every spec needs, in both languages, written once: the demo role switcher,
// the four roles, the language switch and the sample-data button. A spec keeps only the
// words of its own pages (its `L` table) and spreads these into it.
export const WORDS = {
  "zh-CN": {
    roleSwitch: "演示：切换角色",
    visitor: "访客",
    main: "主账号（企业管理员）",
    sub: "子账号（员工）",
    manager: "渠道经理",
    loadSample: "加载示例数据",
    statementTools: "导入对账单或使用示例",
  },
  "en-US": {
    roleSwitch: "Demo: switch role",
    visitor: "Visitor",
    main: "Main account (enterprise admin)",
    sub: "Sub-account (employee)",
    manager: "Channel manager",
    loadSample: "Load sample data",
    statementTools: "Import statements or use a sample",
  },
};

/** The role keys, as `actAs` takes them. */
export const ROLE_KEYS = ["visitor", "main", "sub", "manager"];
