package dispatch

import (
	"time"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/division"
)

// Order is a hotline work order (工单) as the dispatch desk receives it from
// 12345 or 12333: what the caller said, where the caller is and what kind of
// request it is.
type Order struct {
	// ID is the work-order number (工单编号). It also fixes the order's side
	// of the tuning/held-out split (see HeldOut).
	ID string `json:"id"`
	// Text is the caller's request as the call taker wrote it (诉求内容).
	Text string `json:"text"`
	// Division is the caller's division (来电人所在地), as the hotline
	// platform knows it from the number or the caller; empty if unknown.
	Division division.Code `json:"division,omitempty"`
	// Category is the request kind (诉求类型): 咨询, 求助, 投诉, 举报, 建议.
	Category matter.Category `json:"category,omitempty"`
	// ReceivedAt is when the order was taken (受理时间).
	ReceivedAt time.Time `json:"received_at"`
}
