#include "sim/core/event_set.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "sim/core/rng.hpp"

namespace kpsim::core {

TEST(EventSet, SameTimeEventsPopInInsertionOrder) {
  EventSet s;
  for (std::uint32_t i = 0; i < 50; ++i) s.schedule(3.0, 0, i);
  for (std::uint32_t i = 0; i < 50; ++i) EXPECT_EQ(s.pop().target, i);
}

TEST(EventSet, UrgentEventsGoFirstAtTheSameTime) {
  EventSet s;
  s.schedule(1.0, 0, 1);
  s.schedule(1.0, 0, 2, Priority::urgent);
  s.schedule(0.5, 0, 3);
  EXPECT_EQ(s.pop().target, 3u);
  EXPECT_EQ(s.pop().target, 2u);
  EXPECT_EQ(s.pop().target, 1u);
  EXPECT_TRUE(s.empty());
}

template <class Set>
void pops_in_time_order() {
  Set s;
  RngStream rng(7);
  std::vector<std::pair<double, std::uint32_t>> expected;
  for (std::uint32_t i = 0; i < 5000; ++i) {
    const double t = std::floor(rng.uniform() * 100);  // many ties
    s.schedule(t, 0, i);
    expected.emplace_back(t, i);
  }
  std::stable_sort(expected.begin(), expected.end(), [](auto& a, auto& b) { return a.first < b.first; });
  for (const auto& [t, i] : expected) {
    const Event e = s.pop();
    ASSERT_EQ(e.time, t);
    ASSERT_EQ(e.target, i);
  }
}

TEST(EventSet, BinaryAndQuaternaryHeapsPopInTimeThenInsertionOrder) {
  pops_in_time_order<DaryEventSet<2>>();
  pops_in_time_order<DaryEventSet<4>>();
  pops_in_time_order<DaryEventSet<8>>();
  pops_in_time_order<RadixEventSet>();
}

// As the engine uses it: each popped event schedules later ones, some at
// the same moment; the radix heap and a binary heap agree event by event.
TEST(EventSet, TheRadixHeapPopsAsABinaryHeapDoesUnderASimulationsUse) {
  RadixEventSet radix;
  DaryEventSet<2> heap;
  RngStream rng(11);
  for (std::uint32_t i = 0; i < 200; ++i) {
    const double t = std::floor(rng.uniform() * 50);
    radix.schedule(t, 1, i);
    heap.schedule(t, 1, i);
  }
  std::uint32_t next = 200;
  while (!heap.empty()) {
    ASSERT_EQ(radix.size(), heap.size());
    ASSERT_EQ(radix.top().target, heap.top().target);
    const Event a = radix.pop(), b = heap.pop();
    ASSERT_EQ(a.time, b.time);
    ASSERT_EQ(a.target, b.target);
    if (next < 20000) {
      const int children = static_cast<int>(rng.uniform() * 2.2);  // 0, 1 or 2: the set grows, then drains
      for (int c = 0; c < children; ++c, ++next) {
        const double dt = rng.uniform() < 0.2 ? 0.0 : -std::log(rng.uniform()) * 10;
        const Priority p = rng.uniform() < 0.1 ? Priority::late : Priority::normal;
        radix.schedule(a.time + dt, 1, next, p);
        heap.schedule(a.time + dt, 1, next, p);
      }
    }
  }
  EXPECT_TRUE(radix.empty());
}

TEST(EventSet, TheRadixHeapTakesAnEventBeforeTheLastPopped) {
  RadixEventSet s;
  s.schedule(5.0, 0, 1);
  s.schedule(9.0, 0, 2);
  EXPECT_EQ(s.pop().target, 1u);
  s.schedule(2.0, 0, 3);  // before 5: not the engine's use, still in order
  s.schedule(5.0, 0, 4, Priority::urgent);
  EXPECT_EQ(s.pop().target, 3u);
  EXPECT_EQ(s.pop().target, 4u);
  EXPECT_EQ(s.pop().target, 2u);
  EXPECT_TRUE(s.empty());
}

TEST(EventSet, TimeKeysOrderAsTheTimesDo) {
  const double times[] = {-INFINITY, -1e300, -2.5, -1.0, -1e-300, -0.0, 0.0, 1e-300, 0.5, 1.0, 3.0, 1e300, INFINITY};
  for (std::size_t i = 0; i < std::size(times); ++i) {
    EXPECT_EQ(key_time(time_key(times[i])), times[i] + 0.0) << i;
    for (std::size_t j = 0; j < std::size(times); ++j)
      EXPECT_EQ(time_key(times[i]) < time_key(times[j]), times[i] < times[j]) << i << " " << j;
  }
}

TEST(EventSet, NegativeTimesPopFirst) {
  EventSet s;
  s.schedule(2.0, 0, 1);
  s.schedule(-3.0, 0, 2);
  s.schedule(0.0, 0, 3);
  s.schedule(-0.5, 0, 4);
  EXPECT_EQ(s.pop().time, -3.0);
  EXPECT_EQ(s.pop().target, 4u);
  EXPECT_EQ(s.pop().target, 3u);
  EXPECT_EQ(s.pop().time, 2.0);
}

TEST(EventSet, ClearStartsTheSequenceAgain) {
  EventSet s;
  s.schedule(1.0, 0, 1);
  s.clear();
  EXPECT_TRUE(s.empty());
  s.schedule(2.0, 0, 9);
  s.schedule(2.0, 0, 8);
  EXPECT_EQ(s.pop().target, 9u);
}

}  // namespace kpsim::core
