// The usual reasons a candidate does not enrol, offered as suggestions for the reason field (any text
// is allowed). A picked suggestion is stored as the reason itself, like a typed one: it is data in the
// college's language, read in the exports and the statistics next to the typed reasons, so it is the
// same Chinese words whatever the caller's screen language, and shown marked lang="zh".
export const NO_SHOW_REASON_SUGGESTIONS = ["已复读", "选择外省院校", "家庭经济原因", "参军入伍", "外出务工"] as const;
