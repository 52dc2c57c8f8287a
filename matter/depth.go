package matter

import (
	"encoding/json"
	"fmt"
	"math/bits"
	"slices"
)

// DepthStep is one of the seven steps of 网上办理深度.
type DepthStep uint8

// The steps, numbered as in the implementation list.
const (
	OnlineConsultation DepthStep = 1 + iota // 互联网咨询
	OnlineReceipt                           // 互联网收件
	OnlinePreReview                         // 互联网预审
	OnlineAcceptance                        // 互联网受理
	OnlineHandling                          // 互联网办理
	ResultFeedback                          // 办理结果信息反馈
	ELicenceFeedback                        // 电子证照反馈
)

var depthNames = [...][2]string{
	{"", ""},
	{"互联网咨询", "online consultation"},
	{"互联网收件", "online receipt"},
	{"互联网预审", "online pre-review"},
	{"互联网受理", "online acceptance"},
	{"互联网办理", "online handling"},
	{"办理结果信息反馈", "result feedback"},
	{"电子证照反馈", "e-licence feedback"},
}

// Names returns the Chinese and English names of the step.
func (s DepthStep) Names() (zh, en string) {
	if s < OnlineConsultation || s > ELicenceFeedback {
		return "", ""
	}
	return depthNames[s][0], depthNames[s][1]
}

// Depth is the 网上办理深度 of a matter: the set of steps that can be done
// online. It is written in JSON as a sorted array of step numbers.
type Depth uint8

// DepthOf returns the set of the given steps.
func DepthOf(steps ...DepthStep) Depth {
	var d Depth
	for _, s := range steps {
		d |= 1 << (s - 1)
	}
	return d
}

// fullyOnline are the steps that make 全程网办 (Ⅳ级): receipt, acceptance,
// handling and result feedback all online.
var fullyOnline = DepthOf(OnlineReceipt, OnlineAcceptance, OnlineHandling, ResultFeedback)

// Has reports whether step s is online.
func (d Depth) Has(s DepthStep) bool { return s >= 1 && s <= 7 && d&(1<<(s-1)) != 0 }

// FullyOnline reports whether the matter is 全程网办 (网上办理深度 Ⅳ级):
// receipt, acceptance, handling and result feedback are all online. Such a
// matter needs no visit to the site.
func (d Depth) FullyOnline() bool { return d&fullyOnline == fullyOnline }

// Steps returns the steps in the set, in order.
func (d Depth) Steps() []DepthStep {
	out := make([]DepthStep, 0, bits.OnesCount8(uint8(d)))
	for s := OnlineConsultation; s <= ELicenceFeedback; s++ {
		if d.Has(s) {
			out = append(out, s)
		}
	}
	return out
}

// MarshalJSON writes the steps as an array of numbers.
func (d Depth) MarshalJSON() ([]byte, error) {
	steps := make([]int, 0, 7)
	for _, s := range d.Steps() {
		steps = append(steps, int(s))
	}
	return json.Marshal(steps)
}

// UnmarshalJSON reads an array of step numbers 1–7; a repeated or unknown
// step is an error.
func (d *Depth) UnmarshalJSON(b []byte) error {
	var steps []int
	if err := json.Unmarshal(b, &steps); err != nil {
		return fmt.Errorf("matter: %w: depth must be an array of step numbers 1–7", ErrInvalid)
	}
	var v Depth
	for _, s := range steps {
		if s < 1 || s > 7 {
			return fmt.Errorf("matter: %w: depth step %d is not 1–7", ErrInvalid, s)
		}
		if v.Has(DepthStep(s)) {
			return fmt.Errorf("matter: %w: depth step %d repeated", ErrInvalid, s)
		}
		v |= DepthOf(DepthStep(s))
	}
	*d = v
	return nil
}

// String lists the step numbers, e.g. "[1 2 3 4 5 6]".
func (d Depth) String() string { return fmt.Sprint(slices.Collect(slices.Values(d.Steps()))) }
