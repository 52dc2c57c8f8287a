//go:build race

package matter

// raceEnabled skips the slow memory test under the race detector, whose
// shadow memory also distorts heap figures.
const raceEnabled = true
