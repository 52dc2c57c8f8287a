package standards

// Node is a category of the standard system's tree (标准体系框架): 基础通用,
// 服务提供, 服务保障, 服务评价 and their subcategories. The tree is data.
type Node struct {
	// ID is unique in the tree, e.g. "201".
	ID   string `json:"id"`
	Name string `json:"name"`
	EN   string `json:"en,omitempty"`
	// Children are the subcategories, in order.
	Children []Node `json:"children,omitempty"`
}

// clone returns a deep copy.
func (n Node) clone() Node {
	if n.Children != nil {
		cs := make([]Node, len(n.Children))
		for i, c := range n.Children {
			cs[i] = c.clone()
		}
		n.Children = cs
	}
	return n
}

// walk calls f for n and every node below it, depth first, with the ids
// from the root to the node's parent; f must copy parents to keep them.
func (n *Node) walk(parents []string, f func(n *Node, parents []string)) {
	f(n, parents)
	parents = append(parents, n.ID)
	for i := range n.Children {
		n.Children[i].walk(parents, f)
	}
}
