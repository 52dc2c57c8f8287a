package routing

import "time"

// Task is one duty of a party to a route (职责).
type Task uint8

// The tasks: the receiving office's first (收件地), then the deciding
// office's (办理地).
const (
	IdentityCheck     Task = iota + 1 // 核验申请人身份
	FormalReview                      // 形式审查（材料齐全、符合法定形式）
	Digitise                          // 材料电子化
	SendMaterials                     // 转递材料
	AnswerApplicant                   // 答复申请人（受理告知、进度查询）
	SubstantiveReview                 // 实质审查
	Decide                            // 作出决定
	SendPart                          // 回传协办结果
	DeliverResult                     // 送达办理结果
)

var taskNames = [...]struct{ text, zh, en string }{
	{},
	IdentityCheck:     {"identity_check", "核验申请人身份", "check the applicant's identity"},
	FormalReview:      {"formal_review", "形式审查", "check the application is complete and in form"},
	Digitise:          {"digitise", "材料电子化", "digitise the materials"},
	SendMaterials:     {"send_materials", "转递材料", "send the materials"},
	AnswerApplicant:   {"answer_applicant", "答复申请人", "answer the applicant"},
	SubstantiveReview: {"substantive_review", "实质审查", "review the substance"},
	Decide:            {"decide", "作出决定", "decide"},
	SendPart:          {"send_part", "回传协办结果", "send the decision on its share"},
	DeliverResult:     {"deliver_result", "送达办理结果", "deliver the result"},
}

// Names returns the Chinese and English names of the task.
func (t Task) Names() (zh, en string) {
	if t < IdentityCheck || t > DeliverResult {
		return "", ""
	}
	return taskNames[t].zh, taskNames[t].en
}

// MarshalText writes a stable identifier such as "formal_review".
func (t Task) MarshalText() ([]byte, error) {
	if t < IdentityCheck || t > DeliverResult {
		return []byte(""), nil
	}
	return []byte(taskNames[t].text), nil
}

// Duty is a task a party must do, and by when.
type Duty struct {
	Party Party     `json:"party"`
	Task  Task      `json:"task"`
	Due   time.Time `json:"due"`
}

// Duties returns each party's duties (国办发〔2020〕35号: both sides' duties
// written down): the receiving office checks identity and form, digitises
// and sends the materials, and answers the applicant; each deciding office
// reviews the substance and decides; the others send their shares to the
// lead, which delivers the result. Where one office both receives and
// decides, it has both sets. It allocates; call it when needed.
func (rt *Route) Duties() []Duty {
	if rt.nDeciding == 0 {
		return nil
	}
	recv := Party{Role: RoleReceiving, Division: rt.Receiving.Division}
	out := make([]Duty, 0, 16)
	add := func(p Party, t Task, due time.Time) { out = append(out, Duty{Party: p, Task: t, Due: due}) }
	add(recv, IdentityCheck, rt.Received)
	add(recv, FormalReview, rt.Received)
	sent := time.Time{}
	for _, l := range rt.Legs() {
		if l.From.Role == RoleReceiving && (l.Cargo == Materials || l.Cargo == Originals) && l.Due.After(sent) {
			sent = l.Due
		}
	}
	if !sent.IsZero() {
		add(recv, Digitise, sent)
		add(recv, SendMaterials, sent)
	}
	add(recv, AnswerApplicant, rt.Received)
	for i, o := range rt.Deciding() {
		p := Party{Role: RoleDeciding, Division: o.Division}
		add(p, SubstantiveReview, o.Due)
		add(p, Decide, o.Due)
		if i != int(rt.lead) {
			for _, l := range rt.Legs() {
				if l.Cargo == Part && l.From.Division == o.Division {
					add(p, SendPart, l.Due)
				}
			}
			continue
		}
		add(p, DeliverResult, rt.Due)
	}
	return out
}
