#include "sim/engine/waitlist.hpp"

#include <gtest/gtest.h>

#include <iterator>
#include <set>
#include <utility>
#include <vector>

namespace kpsim::engine {
namespace {

std::vector<std::uint32_t> drain(Waitlist& w) {
  std::vector<std::uint32_t> out;
  while (!w.empty()) out.push_back(w.front()), w.pop();
  return out;
}

TEST(Waitlist, FifoServesInArrivalOrderWhateverTheClass) {
  Waitlist w(model::Discipline::fifo);
  w.push(1, false, 0);
  w.push(2, true, 1);
  w.push(3, false, 2);
  EXPECT_EQ(w.size(), 3u);
  EXPECT_EQ(drain(w), (std::vector<std::uint32_t>{1, 2, 3}));
}

// Past the point where the served front is given back (4,096 served and
// half the vector), and through the accessors that know it is FIFO.
TEST(Waitlist, FifoKeepsItsOrderAcrossReclaimingTheServedFront) {
  Waitlist w(model::Discipline::fifo);
  std::uint32_t next_in = 0, next_out = 0;
  for (int round = 0; round < 30; ++round) {
    for (int i = 0; i < 700; ++i) w.push<true>(next_in++, false, 0);
    for (int i = 0; i < 500; ++i, ++next_out) {
      ASSERT_EQ(w.front<true>(), next_out);
      w.pop<true>();
    }
    ASSERT_EQ(w.size<true>(), next_in - next_out);
  }
  EXPECT_TRUE(w.remove(next_out + 1));
  EXPECT_EQ(w.front(), next_out);
  w.pop();
  EXPECT_EQ(w.front(), next_out + 2);
}

TEST(Waitlist, KeyFirstServesKeyProjectsFirstThenArrivalOrder) {
  Waitlist w(model::Discipline::key_first);
  w.push(1, false, 0);
  w.push(2, true, 1);
  w.push(3, false, 2);
  w.push(4, true, 3);
  EXPECT_EQ(drain(w), (std::vector<std::uint32_t>{2, 4, 1, 3}));
}

// Arrivals and services interleaved, with removals, against the order the
// discipline defines: key projects' requests first, each class by arrival.
TEST(Waitlist, KeyFirstKeepsClassThenArrivalOrderThroughInterleavedUse) {
  Waitlist w(model::Discipline::key_first);
  std::set<std::pair<int, std::uint64_t>> expected;  // (class, arrival), key projects' class 0
  std::uint64_t seq = 0, state = 12345;
  const auto next_random = [&] { return (state = state * 6364136223846793005ull + 1442695040888963407ull) >> 33; };
  for (int step = 0; step < 20000; ++step) {
    const auto r = next_random() % 10;
    if (r < 6 || expected.empty()) {
      const bool key = next_random() % 4 == 0;
      w.push(static_cast<std::uint32_t>(seq), key, seq);
      expected.insert({key ? 0 : 1, seq++});
    } else if (r < 9) {
      ASSERT_EQ(w.front(), expected.begin()->second);
      w.pop();
      expected.erase(expected.begin());
    } else {
      const auto victim = std::next(expected.begin(), static_cast<std::ptrdiff_t>(next_random() % expected.size()));
      ASSERT_TRUE(w.remove(static_cast<std::uint32_t>(victim->second)));
      expected.erase(victim);
    }
    ASSERT_EQ(w.size(), expected.size());
  }
}

TEST(Waitlist, PriorityServesTheLowestRankThenTheTieBreak) {
  Waitlist w(model::Discipline::priority);
  w.push(1, false, 0, 5.0, 2);
  w.push(2, true, 1, 1.0, 9);
  w.push(3, false, 2, 5.0, 1);
  EXPECT_EQ(drain(w), (std::vector<std::uint32_t>{2, 3, 1}));
}

TEST(Waitlist, ARemovedRequestIsNotServedAndClearEmpties) {
  for (model::Discipline d : {model::Discipline::fifo, model::Discipline::key_first, model::Discipline::priority}) {
    Waitlist w(d);
    w.push(1, false, 0, 1);
    w.push(2, false, 1, 2);
    w.push(3, false, 2, 3);
    EXPECT_TRUE(w.remove(2));
    EXPECT_FALSE(w.remove(7));
    EXPECT_EQ(drain(w), (std::vector<std::uint32_t>{1, 3}));
    w.push(4, false, 3);
    w.clear();
    EXPECT_TRUE(w.empty());
  }
}

}  // namespace
}  // namespace kpsim::engine
