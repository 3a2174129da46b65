/**
 * How an uplift model is built from a past wave's target and control (core/model/fit-uplift-model.ts):
 * two logistic regressions, one per group, whose difference is the uplift; or one on the class
 * transformation Z = y·t + (1−y)(1−t), whose 2·P(Z=1|x) − 1 is the uplift.
 */
export const UPLIFT_APPROACHES = ['two_model', 'class_transformation'] as const
export type UpliftApproach = (typeof UPLIFT_APPROACHES)[number]
