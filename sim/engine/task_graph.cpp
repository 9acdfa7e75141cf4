#include "sim/engine/task_graph.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphviz.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/graph/topological_sort.hpp>
#include <deque>
#include <iterator>

namespace kpsim::engine {
namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;

Graph make_graph(std::uint32_t vertices, const std::vector<Edge>& edges) {
  Graph g(vertices);
  for (const auto& [u, v] : edges) boost::add_edge(u, v, g);
  return g;
}

}  // namespace

std::optional<std::vector<std::uint32_t>> find_cycle(std::uint32_t vertices, const std::vector<Edge>& edges) {
  const Graph g = make_graph(vertices, edges);
  std::vector<int> component(vertices);
  boost::strong_components(g, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, g)));
  std::vector<int> size(vertices, 0);
  for (int c : component) ++size[static_cast<std::size_t>(c)];
  for (std::uint32_t start = 0; start < vertices; ++start) {
    const int c = component[start];
    bool self_loop = false;
    for (const auto& [u, v] : edges) self_loop |= u == start && v == start;
    if (self_loop) return std::vector<std::uint32_t>{start};
    if (size[static_cast<std::size_t>(c)] < 2) continue;
    // Breadth-first inside the component back to `start`: the shortest cycle through it.
    std::vector<std::int64_t> parent(vertices, -1);
    std::deque<std::uint32_t> queue{start};
    while (!queue.empty()) {
      const std::uint32_t u = queue.front();
      queue.pop_front();
      for (auto [e, end] = boost::out_edges(u, g); e != end; ++e) {
        const auto v = static_cast<std::uint32_t>(boost::target(*e, g));
        if (component[v] != c) continue;
        if (v == start) {
          std::vector<std::uint32_t> cycle{u};
          for (std::int64_t p = parent[u]; p >= 0 && static_cast<std::uint32_t>(p) != start; p = parent[static_cast<std::size_t>(p)])
            cycle.push_back(static_cast<std::uint32_t>(p));
          if (u != start) cycle.push_back(start);
          return std::vector<std::uint32_t>(cycle.rbegin(), cycle.rend());
        }
        if (parent[v] < 0 && v != start) parent[v] = u, queue.push_back(v);
      }
    }
  }
  return std::nullopt;
}

std::vector<std::uint32_t> topological_order(std::uint32_t vertices, const std::vector<Edge>& edges) {
  const Graph g = make_graph(vertices, edges);
  std::vector<std::uint32_t> reversed;
  boost::topological_sort(g, std::back_inserter(reversed));
  return {reversed.rbegin(), reversed.rend()};
}

void write_dot(std::ostream& out, const std::vector<DotVertex>& vertices, const std::vector<Edge>& edges) {
  const Graph g = make_graph(static_cast<std::uint32_t>(vertices.size()), edges);
  auto vertex_writer = [&](std::ostream& os, std::size_t v) {
    const DotVertex& d = vertices[v];
    std::string escaped;
    for (char ch : d.label) escaped += ch == '"' ? std::string("\\\"") : std::string(1, ch);
    os << "[label=\"" << escaped << "\", shape=box" << (d.highlighted ? ", color=red, penwidth=2" : "") << "]";
  };
  boost::write_graphviz(out, g, vertex_writer);
}

}  // namespace kpsim::engine
