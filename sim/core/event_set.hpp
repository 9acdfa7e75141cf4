// The pending-event set: plain 24-byte records ordered by (time, priority,
// insertion sequence). The sequence makes same-time ties deterministic, so
// output is byte-identical run after run. The kernel knows nothing of the
// domain: `kind` and `target` are the engine's to interpret.
#pragma once

#include <bit>
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

// A time as an unsigned integer of the same order (negative times below
// positive ones, −0 equal to +0): the heap then compares (time, order) as
// one 128-bit integer, a compare and a borrow instead of two branches.
constexpr std::uint64_t time_key(double t) {
  const std::uint64_t bits = std::bit_cast<std::uint64_t>(t + 0.0);  // −0 + 0 is +0
  return bits >> 63 ? ~bits : bits | (1ull << 63);
}
constexpr double key_time(std::uint64_t key) {
  return std::bit_cast<double>(key >> 63 ? key & ~(1ull << 63) : ~key);
}

// An event as the sets store it: the time as its key, so that (time, order)
// compares as one 128-bit integer (a compare and a borrow, no branches).
struct EventNode {
  std::uint64_t time;  // time_key of the event's time
  std::uint64_t order;
  std::uint32_t target;
  std::uint16_t kind;

  friend bool operator<(const EventNode& a, const EventNode& b) {
    return ((static_cast<unsigned __int128>(a.time) << 64) | a.order) < ((static_cast<unsigned __int128>(b.time) << 64) | b.order);
  }
  Event event() const { return {key_time(time), order, target, kind}; }
};

inline EventNode make_node(double time, std::uint16_t kind, std::uint32_t target, Priority p, std::uint64_t seq) {
  assert(seq < (1ull << 56));
  return {time_key(time), (static_cast<std::uint64_t>(p) << 56) | seq, target, kind};
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
  Event top() const { return heap_.front().event(); }
  double top_time() const { return key_time(heap_.front().time); }
  Priority top_priority() const { return static_cast<Priority>(heap_.front().order >> 56); }

  void schedule(double time, std::uint16_t kind, std::uint32_t target, Priority p = Priority::normal) {
    const EventNode e = make_node(time, kind, target, p, seq_++);
    std::size_t i = heap_.size();
    heap_.push_back(e);
    while (i > 0) {
      const std::size_t parent = (i - 1) / D;
      if (!(e < heap_[parent])) break;
      heap_[i] = heap_[parent];
      i = parent;
    }
    heap_[i] = e;
  }

  Event pop() {
    const Event out = heap_.front().event();
    const EventNode last = heap_.back();
    heap_.pop_back();
    if (!heap_.empty()) sift_down(last);
    return out;
  }

 private:
  // Places `e` starting from the root, moving the smallest child up.
  void sift_down(const EventNode& e) {
    const std::size_t n = heap_.size();
    std::size_t i = 0;
    for (;;) {
      const std::size_t first = D * i + 1;
      if (first >= n) break;
      std::size_t best = first;
      const std::size_t last = first + D < n ? first + D : n;
      for (std::size_t c = first + 1; c < last; ++c)
        if (heap_[c] < heap_[best]) best = c;
      if (!(heap_[best] < e)) break;
      heap_[i] = heap_[best];
      i = best;
    }
    heap_[i] = e;
  }

  std::vector<EventNode> heap_;
  std::uint64_t seq_ = 0;
};

// A radix heap (Ahuja, Mehlhorn, Orlin and Tarjan 1990) on the same
// 128-bit keys, for a discrete-event simulation's monotone use: nothing is
// scheduled before the event last popped. Its buckets are by 8-bit digits
// (radix 256): an event whose key first differs from that last key in digit
// L (counting from the lowest) is in bucket (L, its digit there), and the
// buckets in that order hold ever larger keys. A pop takes the least key of
// the lowest non-empty bucket and deals the rest of that bucket out to
// lower levels. An event moves down a level or more each time it is dealt
// out, a few times in all (RM-AP: placed 3.0 times an event, against 4.2
// by 4-bit digits), and always by sequential reads and appends: no cache
// miss per level as in a heap of hundreds of thousands of events. Of the
// 4,096 buckets only the few at the digits the clock is passing are in
// use. Each bucket keeps its least event, so the top is known without a
// pop. An event before the last popped (none of the engine's) is still
// ordered right: the buckets are dealt out again from it.
class RadixEventSet {
 public:
  void reserve(std::size_t) {}  // buckets grow as needed and keep their capacity across clear()
  void clear() {
    for (unsigned b = 0; b < kBuckets; ++b) buckets_[b].clear();
    for (std::uint64_t& w : mask_) w = 0;
    summary_ = 0;
    last_time_ = last_order_ = 0;
    size_ = 0;
    seq_ = 0;
  }
  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }
  Event top() const { return least_[lowest()].event(); }
  double top_time() const { return key_time(least_[lowest()].time); }
  Priority top_priority() const { return static_cast<Priority>(least_[lowest()].order >> 56); }

  void schedule(double time, std::uint16_t kind, std::uint32_t target, Priority p = Priority::normal) {
    const EventNode n = make_node(time, kind, target, p, seq_++);
    if (n < EventNode{last_time_, last_order_, 0, 0}) deal_out_from(n);
    else place(n);
    ++size_;
  }

  Event pop() {
    const unsigned b = lowest();
    const EventNode out = least_[b];
    last_time_ = out.time;
    last_order_ = out.order;
    unmark(b);
    // Every other event of the bucket now first differs from the new last
    // key in a lower digit: each goes to a lower level.
    std::vector<EventNode>& from = buckets_[b];
    for (const EventNode& n : from)
      if (n.order != out.order) place(n);  // the sequence alone tells events apart
    from.clear();
    --size_;
    return out.event();
  }

 private:
  static constexpr unsigned kDigitBits = 8, kDigits = 1u << kDigitBits;
  static constexpr unsigned kLevels = 128 / kDigitBits;          // 8 in the order, then 8 in the time
  static constexpr unsigned kBuckets = kLevels * kDigits;         // 4,096
  static constexpr unsigned kWords = kBuckets / 64;               // of the non-empty mask
  static_assert(kWords <= 64, "the summary has a bit a mask word");

  // The level and digit where n's key first differs from the last key
  // (n is after it, never equal: keys are unique).
  unsigned bucket_of(const EventNode& n) const {
    if (const std::uint64_t hi = n.time ^ last_time_) {
      const unsigned level = static_cast<unsigned>(63 - std::countl_zero(hi)) / kDigitBits;
      return (kLevels / 2 + level) * kDigits + static_cast<unsigned>((n.time >> (level * kDigitBits)) & (kDigits - 1));
    }
    const std::uint64_t lo = n.order ^ last_order_;
    assert(lo != 0);
    const unsigned level = static_cast<unsigned>(63 - std::countl_zero(lo)) / kDigitBits;
    return level * kDigits + static_cast<unsigned>((n.order >> (level * kDigitBits)) & (kDigits - 1));
  }
  unsigned lowest() const {
    assert(size_ > 0);
    const unsigned w = static_cast<unsigned>(std::countr_zero(summary_));
    return w * 64 + static_cast<unsigned>(std::countr_zero(mask_[w]));
  }
  void unmark(unsigned b) {
    std::uint64_t& word = mask_[b / 64];
    word &= ~(1ull << (b % 64));
    summary_ &= ~(std::uint64_t{word == 0} << (b / 64));  // no branch: whether the word emptied is anyone's guess
  }
  void place(const EventNode& n) {
    const unsigned b = bucket_of(n);
    std::uint64_t& word = mask_[b / 64];
    const std::uint64_t bit = 1ull << (b % 64);
    // The bucket's least, chosen without a branch (which of the two is
    // less is a coin toss for the predictor).
    const bool least = !(word & bit) || n < least_[b];
    least_[b] = least ? n : least_[b];
    word |= bit;
    summary_ |= 1ull << (b / 64);
    buckets_[b].push_back(n);
  }
  // An event before the last popped: it becomes the reference, and every
  // pending event is dealt out again from it (rare; never in the engine).
  void deal_out_from(const EventNode& n) {
    std::vector<EventNode> all;
    all.reserve(size_);
    for (unsigned b = 0; b < kBuckets; ++b) {
      all.insert(all.end(), buckets_[b].begin(), buckets_[b].end());
      buckets_[b].clear();
    }
    for (std::uint64_t& w : mask_) w = 0;
    summary_ = 0;
    // Just below n, so that n and everything after it have a bucket.
    last_time_ = n.time;
    last_order_ = n.order - 1;
    if (n.order == 0) last_time_ = n.time - 1, last_order_ = ~0ull;
    place(n);
    for (const EventNode& m : all) place(m);
  }

  std::vector<EventNode> buckets_[kBuckets];
  EventNode least_[kBuckets] = {};
  std::uint64_t mask_[kWords] = {};  // bit b % 64 of word b / 64: bucket b is not empty
  std::uint64_t summary_ = 0;        // bit w: mask_[w] is not zero
  std::uint64_t last_time_ = 0, last_order_ = 0;  // the last key popped
  std::size_t size_ = 0;
  std::uint64_t seq_ = 0;
};

// Chosen by measurement (bench/README.md, "Pending-event set"): the radix
// heap (by 8-bit digits) is ×5 the heaps at a million pending (the
// generated portfolio has up to 0.8 pending finishes per task) and faster
// on small sets too. The d-ary heaps stay for the benchmark and as the
// tests' reference.
using EventSet = RadixEventSet;

}  // namespace kpsim::core
