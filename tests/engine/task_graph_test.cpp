#include "sim/engine/task_graph.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace kpsim::engine {

TEST(TaskGraph, FindsNoCycleInADag) {
  EXPECT_FALSE(find_cycle(4, {{0, 1}, {0, 2}, {1, 3}, {2, 3}}));
}

TEST(TaskGraph, NamesTheVerticesOfACycleInOrder) {
  // 0 → 1 → 2 → 3 → 1, plus an unrelated 4.
  const auto cycle = find_cycle(5, {{0, 1}, {1, 2}, {2, 3}, {3, 1}, {0, 4}});
  ASSERT_TRUE(cycle);
  EXPECT_EQ(*cycle, (std::vector<std::uint32_t>{1, 2, 3}));
}

TEST(TaskGraph, ReportsASelfLoop) {
  const auto cycle = find_cycle(3, {{0, 1}, {2, 2}});
  ASSERT_TRUE(cycle);
  EXPECT_EQ(*cycle, (std::vector<std::uint32_t>{2}));
}

TEST(TaskGraph, TopologicalOrderPutsPredecessorsFirst) {
  const std::vector<Edge> edges{{3, 1}, {1, 0}, {2, 0}, {3, 2}};
  const auto order = topological_order(4, edges);
  std::vector<std::size_t> pos(4);
  for (std::size_t i = 0; i < order.size(); ++i) pos[order[i]] = i;
  for (const auto& [u, v] : edges) EXPECT_LT(pos[u], pos[v]);
}

TEST(TaskGraph, WritesGraphvizWithHighlightedCriticalSteps) {
  std::ostringstream out;
  write_dot(out, {{"可研批复", true}, {"say \"x\"", false}}, {{0, 1}});
  const std::string dot = out.str();
  EXPECT_NE(dot.find("digraph"), std::string::npos);
  EXPECT_NE(dot.find("0[label=\"可研批复\", shape=box, color=red"), std::string::npos);
  EXPECT_NE(dot.find("say \\\"x\\\""), std::string::npos);
  EXPECT_NE(dot.find("0->1"), std::string::npos);
}

}  // namespace kpsim::engine
