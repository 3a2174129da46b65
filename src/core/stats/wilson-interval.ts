/**
 * The Wilson score interval for one proportion x/n, without continuity correction (Wilson 1927;
 * Newcombe 1998, "Two-sided confidence intervals for the single proportion", method 3):
 *
 *   ( 2np̂ + z² ∓ z·√( z² + 4np̂(1−p̂) ) ) / ( 2(n + z²) ).
 *
 * It never leaves [0, 1] and is not a point at x = 0 or x = n.
 */
export function wilsonInterval(x: number, n: number, z: number): [number, number] {
  const p = x / n
  const centre = 2 * n * p + z * z
  const spread = z * Math.sqrt(z * z + 4 * n * p * (1 - p))
  const denominator = 2 * (n + z * z)
  // At x = 0 (x = n) the lower (upper) limit is exactly 0 (1); the subtraction would leave a rounding crumb.
  return [x === 0 ? 0 : (centre - spread) / denominator, x === n ? 1 : (centre + spread) / denominator]
}
