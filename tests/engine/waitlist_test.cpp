#include "sim/engine/waitlist.hpp"

#include <gtest/gtest.h>

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
