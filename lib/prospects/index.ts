export * from "./match";
export * from "./points";
export * from "./policy";

/** How an inbound consultation reached the college (ConsultationChannel): 办公电话, 网络, 微信, QQ. */
export const CONSULTATION_CHANNELS = ["OFFICE_PHONE", "ONLINE", "WECHAT", "QQ"] as const;
export type ConsultationChannelCode = (typeof CONSULTATION_CHANNELS)[number];
