import type { ProgramVerdictView } from '../../app/program/judge-program.ts'

/**
 * `otklik program verdict C --json`: the contract of issue 7 in snake_case — per response type the
 * arms, uplift, ci, p, srm_p, incremental_profit with its interval (roubles) and the recommendation;
 * with --cuped the values' adjusted interval, with --always-valid the interval a daily look keeps.
 */
export function verdictJson(view: ProgramVerdictView) {
  return {
    program: view.program,
    wave: view.wave.id,
    options: {
      cuped: view.options.cuped && { preperiod: view.options.cuped.preperiod, covariates: view.options.cuped.covariates },
      monitoring: view.options.monitoring,
      planned: view.options.planned,
    },
    attribution_window: { days: view.window.days, from: view.window.from, until: view.window.until, closed: view.window.closed },
    srm: { chi2: view.srm.chi2, p: view.srm.p, blocked: view.srm.blocked, explained: view.srm.explained },
    wave_cost: view.waveCost,
    break_even_uplift: view.economics.breakEvenUplift,
    responses: view.responses.map((r) => ({
      type: r.type,
      arms: r.arms,
      uplift: r.uplift,
      relative_uplift: r.relativeUplift,
      ci: r.ci,
      p: r.p,
      test: r.test,
      p_adjusted: r.pAdjusted,
      srm_p: view.srm.p,
      incremental_responders: r.incrementalResponders,
      incremental_profit: r.incrementalProfit,
      ...(r.values?.cuped && {
        cuped: { theta: r.values.cuped.theta, difference: r.values.cuped.adjusted.difference, ci: r.values.cuped.adjusted.ci, variance_reduction: r.values.cuped.varianceReduction, width_ratio: r.values.cuped.widthRatio },
      }),
      ...(r.alwaysValid && { always_valid: { ci: r.alwaysValid.ci, p: r.alwaysValid.p, width_ratio: r.alwaysValid.widthRatio, incremental_profit_ci: r.alwaysValid.incrementalProfit.ci } }),
      recommendation: r.recommendation,
      reason: r.reason,
    })),
  }
}
