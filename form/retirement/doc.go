// Package retirement computes China's statutory retirement age (法定退休年龄)
// under the gradual reform in force from 2025-01-01 (全国人大常委会关于实施
// 渐进式延迟法定退休年龄的决定, 2024-09-13), the 弹性提前退休 and 弹性延迟退休
// limits, the early-retirement ages of special work (特殊工种) and of
// illness (因病或非因工致残完全丧失劳动能力), and the minimum contribution
// years (最低缴费年限) by year.
//
// It is for pre-review of retirement applications (package form's
// "retirement-age" and "min-contribution" checks) and for anyone who must
// tell a person when they may retire. It works in whole months: a person
// reaches an age in the month of their birth month plus that age, whatever
// the day.
//
// The rules are data: Default returns the national rules embedded from
// rules.json (validated against rules.schema.json); Parse reads a file of the
// same shape, so a province can load a correction or a later reform without
// a new release. Figures the national texts do not state (the special-work
// and illness ages after the reform) are marked unconfirmed in the file.
//
// Worked cases of the reform, all in the tests: a man born 1965-01 retires
// at 60 years 1 month, in 2025-02 (not 2025-01); one born 1965-05 at 60
// years 2 months; a woman worker born 1975-01 at 50 years 1 month; the ages
// stop rising at 63 (men), 58 (women cadres) and 55 (women workers).
package retirement
