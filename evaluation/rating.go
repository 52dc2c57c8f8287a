package evaluation

import (
	"fmt"
	"strconv"

	"github.com/onething-gov/onething/matter"
)

// Rating is one of the five levels of a 好差评 rating (GB/T 39734-2020), from
// VeryDissatisfied (1) to VerySatisfied (5). A rating of 3 to 5 is a good
// review (好评), 1 or 2 a bad review (差评). The zero Rating is no rating.
// In JSON a Rating is its number.
type Rating int

// The five levels.
const (
	VeryDissatisfied Rating = 1 // 非常不满意
	Dissatisfied     Rating = 2 // 不满意
	FairlySatisfied  Rating = 3 // 基本满意
	Satisfied        Rating = 4 // 满意
	VerySatisfied    Rating = 5 // 非常满意
)

var ratingNames = [6][2]string{
	{},
	{"非常不满意", "very dissatisfied"},
	{"不满意", "dissatisfied"},
	{"基本满意", "fairly satisfied"},
	{"满意", "satisfied"},
	{"非常满意", "very satisfied"},
}

// Ratings lists the five levels from best to worst, the order of the
// rating form.
func Ratings() []Rating {
	return []Rating{VerySatisfied, Satisfied, FairlySatisfied, Dissatisfied, VeryDissatisfied}
}

// Valid reports whether r is one of the five levels.
func (r Rating) Valid() bool { return r >= VeryDissatisfied && r <= VerySatisfied }

// IsGood reports whether r is a good review (好评): 3, 4 or 5.
func (r Rating) IsGood() bool { return r >= FairlySatisfied && r <= VerySatisfied }

// IsBad reports whether r is a bad review (差评): 1 or 2.
func (r Rating) IsBad() bool { return r == VeryDissatisfied || r == Dissatisfied }

// Names returns the Chinese and English names of the level, or empty
// strings for an invalid rating.
func (r Rating) Names() (zh, en string) {
	if !r.Valid() {
		return "", ""
	}
	n := ratingNames[r]
	return n[0], n[1]
}

// String returns the English name, or "Rating(n)" for an invalid value.
func (r Rating) String() string {
	if _, en := r.Names(); en != "" {
		return en
	}
	return "Rating(" + strconv.Itoa(int(r)) + ")"
}

// Mode is one of the four ways a service is rated (评价方式, 国办发〔2019〕51号).
type Mode string

// The modes.
const (
	// PerService is 一次一评: on-site service rated each time, by the
	// evaluator at the window or a QR code (GB/T 39734-2020).
	PerService Mode = "per_service"
	// PerMatter is 一事一评: online service rated once per matter handled
	// (web, app, mini-program).
	PerMatter Mode = "per_matter"
	// Public is 综合点评: comment from society at large, not tied to one
	// service event.
	Public Mode = "public"
	// Supervisory is 监督查评: rating by a supervising government office
	// (暗访, 查评).
	Supervisory Mode = "supervisory"
)

var modeNames = map[Mode][2]string{
	PerService:  {"一次一评", "per-service rating"},
	PerMatter:   {"一事一评", "per-matter rating"},
	Public:      {"综合点评", "public comment"},
	Supervisory: {"监督查评", "supervisory rating"},
}

// Modes lists the four modes in a stable order.
func Modes() []Mode { return []Mode{PerService, PerMatter, Public, Supervisory} }

// Valid reports whether m is one of the modes.
func (m Mode) Valid() bool { _, ok := modeNames[m]; return ok }

// Names returns the Chinese and English names of the mode.
func (m Mode) Names() (zh, en string) { n := modeNames[m]; return n[0], n[1] }

// ServiceEvent reports whether ratings in this mode rate one service event
// (一次一评, 一事一评), so that they name the application and count once per
// event.
func (m Mode) ServiceEvent() bool { return m == PerService || m == PerMatter }

// UnmarshalText accepts only the defined modes.
func (m *Mode) UnmarshalText(b []byte) error {
	v := Mode(b)
	if !v.Valid() {
		return fmt.Errorf("evaluation: %w: unknown mode %q", ErrInvalid, b)
	}
	*m = v
	return nil
}

// Indicator is one scored aspect of a service (评价指标). Online and
// offline services have their own sets.
type Indicator string

// The indicators of online service (网上服务).
const (
	OnlineEfficiency Indicator = "online_efficiency" // 办事效率
	GuideAccuracy    Indicator = "guide_accuracy"    // 办事指南精确度
	Convenience      Indicator = "convenience"       // 办事便捷度
	Operability      Indicator = "operability"       // 平台操作性
)

// The indicators of offline service (现场服务).
const (
	ServiceEfficiency Indicator = "service_efficiency" // 服务效率
	ServiceLevel      Indicator = "service_level"      // 服务水平
	ServiceAttitude   Indicator = "service_attitude"   // 服务态度
)

var indicatorNames = map[Indicator][2]string{
	OnlineEfficiency:  {"办事效率", "efficiency"},
	GuideAccuracy:     {"办事指南精确度", "accuracy of the service guide"},
	Convenience:       {"办事便捷度", "convenience"},
	Operability:       {"平台操作性", "ease of use of the platform"},
	ServiceEfficiency: {"服务效率", "service efficiency"},
	ServiceLevel:      {"服务水平", "service competence"},
	ServiceAttitude:   {"服务态度", "service attitude"},
}

// Indicators returns the indicator set of a channel: the four online
// indicators for web, app and mini-program, the three offline ones for
// every other channel.
func Indicators(ch matter.Channel) []Indicator {
	if ch.Online() {
		return []Indicator{OnlineEfficiency, GuideAccuracy, Convenience, Operability}
	}
	return []Indicator{ServiceEfficiency, ServiceLevel, ServiceAttitude}
}

// Valid reports whether i is one of the indicators.
func (i Indicator) Valid() bool { _, ok := indicatorNames[i]; return ok }

// Names returns the Chinese and English names of the indicator.
func (i Indicator) Names() (zh, en string) { n := indicatorNames[i]; return n[0], n[1] }
