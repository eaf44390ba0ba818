/**
 * The texts of DEALS error messages, in every language: a catalogue of its own, kept apart from the
 * task pane's so that the custom-functions bundle carries only these. A message is
 * "<FUNCTION>: <argument> <rule>" (`invalid`) or "<FUNCTION>: <reason>" (`noSolution`); function
 * and argument names, metric names, TRUE/FALSE and numbers stay ASCII in every language.
 * test/scenarios/i18n.test.ts checks placeholders and script (OpenCC) as for the main catalogues.
 */
import type { Locale } from './locale';

export const errorTextsEn = {
  invalid: '{fn}: {arg} {rule}',
  noSolution: '{fn}: {why}',
  'rule.required': 'is required',
  'rule.number': 'must be a number',
  'rule.positive': 'must be a positive number',
  'rule.nonNegative': 'must be zero or a positive number',
  'rule.unitInterval': 'must be a number from 0 to 1',
  'rule.positiveShare': 'must be a number greater than 0 and at most 1',
  'rule.wholeFromTo': 'must be a whole number from {min} to {max}',
  'rule.seed': 'must be a whole number ≥ 0 (at most 2^53 − 1)',
  'rule.flag': 'must be TRUE or FALSE',
  'rule.choice': 'must be one of {choices}',
  'rule.rectangular': 'must be a number or a rectangular range of numbers',
  'rule.noBlanks': 'must not contain blank cells',
  'rule.lineOfPeriods': 'must be a single row or column of periods',
  'rule.lineOfTranches': 'must be a single row or column of tranches',
  'rule.sameShape': 'must have the same shape as {other} ({rows}×{columns})',
  'rule.together': 'must be given together with {other} (omit both for intrinsic value)',
  'rule.financingShape': 'must be one number or a range of the same shape as obligations ({rows}×{columns})',
  'rule.workCap': '× the years of obligations ({years}) must be at most {max} path-years',
  'why.tooLarge': 'the result is too large to represent',
  'why.noPrice': 'no finite share price gives that value',
  'why.allProbabilitiesZero': 'every milestone probability is 0, so the tranches are worth 0 at any price',
  'why.couldNotCompute': 'could not compute ({detail})',
} as const;

export type ErrorTextKey = keyof typeof errorTextsEn;
export type ErrorTexts = { readonly [K in ErrorTextKey]: string };

const errorTextsZhHant: ErrorTexts = {
  invalid: '{fn}：{arg} {rule}',
  noSolution: '{fn}：{why}',
  'rule.required': '為必填引數',
  'rule.number': '必須是數字',
  'rule.positive': '必須是正數',
  'rule.nonNegative': '必須是零或正數',
  'rule.unitInterval': '必須是 0 到 1 之間的數字',
  'rule.positiveShare': '必須大於 0 且不超過 1',
  'rule.wholeFromTo': '必須是 {min} 到 {max} 之間的整數',
  'rule.seed': '必須是 ≥ 0 的整數（最大 2^53 − 1）',
  'rule.flag': '必須是 TRUE 或 FALSE',
  'rule.choice': '必須是下列之一：{choices}',
  'rule.rectangular': '必須是數字，或由數字組成的矩形範圍',
  'rule.noBlanks': '不可包含空白儲存格',
  'rule.lineOfPeriods': '必須是單一列或單一欄，每格一期',
  'rule.lineOfTranches': '必須是單一列或單一欄，每格一個批次',
  'rule.sameShape': '的形狀必須與 {other} 相同（{rows}×{columns}）',
  'rule.together': '必須與 {other} 一併提供（兩者皆省略則計算內含價值）',
  'rule.financingShape': '必須是單一數字，或與 obligations 形狀相同的範圍（{rows}×{columns}）',
  'rule.workCap': '× obligations 的年數（{years}）不得超過 {max} 路徑年',
  'why.tooLarge': '結果過大，無法表示',
  'why.noPrice': '沒有任何有限的股價能使價值等於目標',
  'why.allProbabilitiesZero': '所有里程碑機率皆為 0，因此各批次在任何股價下價值皆為 0',
  'why.couldNotCompute': '無法計算（{detail}）',
};

const errorTextsZhHans: ErrorTexts = {
  invalid: '{fn}：{arg} {rule}',
  noSolution: '{fn}：{why}',
  'rule.required': '为必填参数',
  'rule.number': '必须是数字',
  'rule.positive': '必须是正数',
  'rule.nonNegative': '必须是零或正数',
  'rule.unitInterval': '必须是 0 到 1 之间的数字',
  'rule.positiveShare': '必须大于 0 且不超过 1',
  'rule.wholeFromTo': '必须是 {min} 到 {max} 之间的整数',
  'rule.seed': '必须是 ≥ 0 的整数（最大 2^53 − 1）',
  'rule.flag': '必须是 TRUE 或 FALSE',
  'rule.choice': '必须是下列之一：{choices}',
  'rule.rectangular': '必须是数字，或由数字组成的矩形区域',
  'rule.noBlanks': '不能包含空白单元格',
  'rule.lineOfPeriods': '必须是单行或单列，每格一期',
  'rule.lineOfTranches': '必须是单行或单列，每格一个批次',
  'rule.sameShape': '的形状必须与 {other} 相同（{rows}×{columns}）',
  'rule.together': '必须与 {other} 一并提供（两者都省略则计算内在价值）',
  'rule.financingShape': '必须是单个数字，或与 obligations 形状相同的区域（{rows}×{columns}）',
  'rule.workCap': '× obligations 的年数（{years}）不得超过 {max} 路径年',
  'why.tooLarge': '结果过大，无法表示',
  'why.noPrice': '没有任何有限的股价能使价值等于目标',
  'why.allProbabilitiesZero': '所有里程碑概率均为 0，因此各批次在任何股价下价值均为 0',
  'why.couldNotCompute': '无法计算（{detail}）',
};

export const ERROR_TEXTS: { readonly [L in Locale]: ErrorTexts } = { en: errorTextsEn, 'zh-Hant': errorTextsZhHant, 'zh-Hans': errorTextsZhHans };
