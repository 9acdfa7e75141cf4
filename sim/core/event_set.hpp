// The pending-event set: plain 24-byte records ordered by (time, priority,
// insertion sequence). The sequence makes same-time ties deterministic, so
// output is byte-identical run after run. The kernel knows nothing of the
// domain: `kind` and `target` are the engine's to interpret.
#pragma once

#include <cassert>
#include <cstdint>
#include <vector>

namespace kpsim::core {

// urgent: before anything else at the same moment; late: after everything
// else (a dispatcher that decides once all of a moment's finishes are in).
enum class Priority : std::uint8_t { urgent = 0, normal = 1, late = 2 };

struct Event {
  double time = 0;
  std::uint64_t order = 0;  // priority in the top byte, insertion sequence below
  std::uint32_t target = 0;
  std::uint16_t kind = 0;
};

inline bool before(const Event& a, const Event& b) {
  return a.time < b.time || (a.time == b.time && a.order < b.order);
}

// A D-ary min-heap in one vector: no allocation per event once it has grown
// to the largest pending count; clear() keeps the capacity for the next
// replication.
template <unsigned D>
class DaryEventSet {
 public:
  void reserve(std::size_t n) { heap_.reserve(n); }
  void clear() {
    heap_.clear();
    seq_ = 0;
  }
  bool empty() const { return heap_.empty(); }
  std::size_t size() const { return heap_.size(); }
  const Event& top() const { return heap_.front(); }
  Priority top_priority() const { return static_cast<Priority>(heap_.front().order >> 56); }

  void schedule(double time, std::uint16_t kind, std::uint32_t target, Priority p = Priority::normal) {
    assert(seq_ < (1ull << 56));
    push({time, (static_cast<std::uint64_t>(p) << 56) | seq_++, target, kind});
  }

  Event pop() {
    Event out = heap_.front();
    const Event last = heap_.back();
    heap_.pop_back();
    if (!heap_.empty()) sift_down(last);
    return out;
  }

 private:
  void push(const Event& e) {
    std::size_t i = heap_.size();
    heap_.push_back(e);
    while (i > 0) {
      const std::size_t parent = (i - 1) / D;
      if (!before(e, heap_[parent])) break;
      heap_[i] = heap_[parent];
      i = parent;
    }
    heap_[i] = e;
  }

  // Places `e` starting from the root, moving the smallest child up.
  void sift_down(const Event& e) {
    const std::size_t n = heap_.size();
    std::size_t i = 0;
    for (;;) {
      const std::size_t first = D * i + 1;
      if (first >= n) break;
      std::size_t best = first;
      const std::size_t last = first + D < n ? first + D : n;
      for (std::size_t c = first + 1; c < last; ++c)
        if (before(heap_[c], heap_[best])) best = c;
      if (!before(heap_[best], e)) break;
      heap_[i] = heap_[best];
      i = best;
    }
    heap_[i] = e;
  }

  std::vector<Event> heap_;
  std::uint64_t seq_ = 0;
};

// Chosen by measurement (bench/event_set.cpp, bench/README.md).
using EventSet = DaryEventSet<2>;

}  // namespace kpsim::core
