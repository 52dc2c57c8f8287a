//go:build !race

package matter

const raceEnabled = false
