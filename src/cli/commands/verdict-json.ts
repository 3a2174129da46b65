import type { ProgramVerdictView } from '../../app/program/judge-program.ts'

/**
 * `otklik program verdict C --json`: the contract of issue 7 in snake_case — per response type the
 * arms, uplift, ci, p, srm_p, incremental_profit with its interval (roubles) and the recommendation.
 */
export function verdictJson(view: ProgramVerdictView) {
  return {
    program: view.program,
    wave: view.wave.id,
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
      recommendation: r.recommendation,
      reason: r.reason,
    })),
  }
}
