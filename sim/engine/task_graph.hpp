// Small precedence graphs (one template's steps) with Boost.Graph: cycle
// detection that names the cycle, topological order, Graphviz output.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace kpsim::engine {

using Edge = std::pair<std::uint32_t, std::uint32_t>;  // (predecessor, successor)

// A shortest cycle through the first vertex (in index order) that lies on one,
// as the vertices in cycle order; nullopt if the graph is acyclic.
std::optional<std::vector<std::uint32_t>> find_cycle(std::uint32_t vertices, const std::vector<Edge>& edges);

// Vertices so that every edge goes from an earlier to a later one; ties keep
// index order. Precondition: acyclic.
std::vector<std::uint32_t> topological_order(std::uint32_t vertices, const std::vector<Edge>& edges);

struct DotVertex {
  std::string label;
  bool highlighted = false;  // drawn bold red: on the critical path
};
void write_dot(std::ostream& out, const std::vector<DotVertex>& vertices, const std::vector<Edge>& edges);

}  // namespace kpsim::engine
