package matter

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/onething-gov/onething/standards/creditcode"
	"github.com/onething-gov/onething/standards/division"
)

// CST is China Standard Time, UTC+8 with no daylight saving. Every date in
// onething is a day in this zone, whatever the host's local zone.
var CST = time.FixedZone("CST", 8*3600)

// Department is a government body: the implementing body (实施主体) of a
// matter, the lead department of a bundle, the office that decides an
// application or handles a work order.
type Department struct {
	// CreditCode is the body's unified social credit code (统一社会信用代码).
	CreditCode creditcode.Code `json:"credit_code"`
	Name       string          `json:"name"`
	// Division is where the body sits, which fixes its jurisdiction.
	Division division.Code `json:"division"`
}

// Channel is how a service is reached (办理渠道, 评价渠道).
type Channel string

// The channels.
const (
	Window      Channel = "window"       // 窗口
	Terminal    Channel = "terminal"     // 自助终端
	Web         Channel = "web"          // 网站 (政务服务网)
	App         Channel = "app"          // 移动端 (爱山东 app)
	MiniProgram Channel = "mini_program" // 小程序
	Hotline     Channel = "hotline"      // 热线 (12345, 12333)
	SMS         Channel = "sms"          // 短信
	Post        Channel = "post"         // 邮寄
)

var channelNames = map[Channel][2]string{
	Window:      {"窗口", "service window"},
	Terminal:    {"自助终端", "self-service terminal"},
	Web:         {"网站", "website"},
	App:         {"移动端", "mobile app"},
	MiniProgram: {"小程序", "mini-program"},
	Hotline:     {"热线", "hotline"},
	SMS:         {"短信", "SMS"},
	Post:        {"邮寄", "post"},
}

// Channels lists every channel in a stable order.
func Channels() []Channel {
	return []Channel{Window, Terminal, Web, App, MiniProgram, Hotline, SMS, Post}
}

// Valid reports whether c is one of the channels.
func (c Channel) Valid() bool { _, ok := channelNames[c]; return ok }

// Online reports whether the channel is an internet channel (网上办理).
func (c Channel) Online() bool { return c == Web || c == App || c == MiniProgram }

// Names returns the Chinese and English names of the channel.
func (c Channel) Names() (zh, en string) { n := channelNames[c]; return n[0], n[1] }

// UnmarshalText accepts only the defined channels.
func (c *Channel) UnmarshalText(b []byte) error {
	v := Channel(b)
	if !v.Valid() {
		return fmt.Errorf("matter: %w: unknown channel %q", ErrInvalid, b)
	}
	*c = v
	return nil
}

// Category is the kind of a hotline request (诉求类型).
type Category string

// The categories of 国办发〔2020〕53号.
const (
	Inquiry    Category = "inquiry"    // 咨询
	Help       Category = "help"       // 求助
	Complaint  Category = "complaint"  // 投诉
	Report     Category = "report"     // 举报
	Suggestion Category = "suggestion" // 建议
)

var categoryNames = map[Category][2]string{
	Inquiry:    {"咨询", "inquiry"},
	Help:       {"求助", "request for help"},
	Complaint:  {"投诉", "complaint"},
	Report:     {"举报", "report of wrongdoing"},
	Suggestion: {"建议", "suggestion"},
}

// Categories lists every category in a stable order.
func Categories() []Category { return []Category{Inquiry, Help, Complaint, Report, Suggestion} }

// Valid reports whether c is one of the categories.
func (c Category) Valid() bool { _, ok := categoryNames[c]; return ok }

// Names returns the Chinese and English names of the category.
func (c Category) Names() (zh, en string) { n := categoryNames[c]; return n[0], n[1] }

// UnmarshalText accepts only the defined categories.
func (c *Category) UnmarshalText(b []byte) error {
	v := Category(b)
	if !v.Valid() {
		return fmt.Errorf("matter: %w: unknown category %q", ErrInvalid, b)
	}
	*c = v
	return nil
}

// Date is a calendar day in China Standard Time, written "2006-01-02" in
// JSON. The zero Date is no date.
type Date struct{ t time.Time }

// NewDate returns the day of t in UTC+8.
func NewDate(t time.Time) Date {
	t = t.In(CST)
	return Date{time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, CST)}
}

// DateOf returns the given day.
func DateOf(year int, month time.Month, day int) Date {
	return Date{time.Date(year, month, day, 0, 0, 0, 0, CST)}
}

// ParseDate reads "2006-01-02"; impossible days such as 2025-02-30 are
// errors wrapping ErrInvalid.
func ParseDate(s string) (Date, error) {
	t, err := time.ParseInLocation(time.DateOnly, s, CST)
	if err != nil {
		return Date{}, fmt.Errorf("matter: %w: date %q: want YYYY-MM-DD", ErrInvalid, s)
	}
	return Date{t}, nil
}

// Time returns midnight at the start of the day, UTC+8.
func (d Date) Time() time.Time { return d.t }

// IsZero reports whether d is no date.
func (d Date) IsZero() bool { return d.t.IsZero() }

// Before reports whether d is an earlier day than o.
func (d Date) Before(o Date) bool { return d.t.Before(o.t) }

// After reports whether d is a later day than o.
func (d Date) After(o Date) bool { return d.t.After(o.t) }

// String returns "2006-01-02", or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format(time.DateOnly)
}

// MarshalJSON writes "2006-01-02", or null for the zero Date.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(d.String())
}

// UnmarshalJSON reads "2006-01-02" or null.
func (d *Date) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*d = Date{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("matter: %w: date must be a string \"YYYY-MM-DD\"", ErrInvalid)
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}
