// The words the cells of the college's lists hold (是/否, 已缴费, 男/女, 第一志愿) and the stand-ins a cell's
// text gets when it has none: they match and name the files' contents, whatever the reader's language.

/** Yes and no as the lists write them (compared lower-cased). */
export const TRUE_WORDS = ["是", "已", "已缴费", "已缴", "已报到", "已交", "y", "yes", "true", "1", "√", "✓"];
export const FALSE_WORDS = ["否", "未", "未缴费", "未缴", "未报到", "未交", "n", "no", "false", "0", "×", "✗"];

/** The words a yes/no column is asked to hold, named in its errors. */
export const YES_WORD = "是";
export const NO_WORD = "否";

/** 性别 as stored: the lists' own words. */
export const MALE = "男";
export const FEMALE = "女";

/** 志愿 written as a Chinese numeral ("第一志愿"): its digit is the numeral's place plus one. */
export const CHINESE_DIGITS = "一二三四五六七八九";

/** A date cell Excel cannot show as a date, and a value without a text form, as a cell's text. */
export const INVALID_DATE_TEXT = "（无效日期）";
export const UNREADABLE_TEXT = "（无法识别的值）";

/** 身份 on the staff list: a teacher (or staff member) or a student. */
export const TEACHER_WORDS = ["教师", "老师", "教职工", "职工", "教工"];
export const STUDENT_WORDS = ["学生", "在校生"];
export const TEACHER_WORD = "教师";
export const STUDENT_WORD = "学生";

/** 来源 on the staff list, as the plan names each source (lib/staff/pool.ts), with a few short forms. */
export const STAFF_SOURCE_WORDS = {
  EXCELLENT_2023: ["2023年优秀回访人员", "2023优秀回访人员", "优秀回访人员", "2023年优秀个人"],
  PRIOR_2023: ["2023年参与回访", "2023参与回访", "参与过回访"],
  VOLUNTEER: ["自愿报名", "报名"],
  RECOMMENDED: ["推荐"],
  COLLEGE_PICK: ["学院选派", "选派"],
  LEADER_PICK: ["组长推荐"],
} as const;
