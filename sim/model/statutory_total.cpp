#include "sim/model/statutory_total.hpp"

#include <algorithm>

#include "sim/core/distribution.hpp"
#include "sim/model/ids.hpp"

namespace kpsim::model {

double statutory_days(const Step& s) {
  if (s.type != StepType::approval && s.type != StepType::land) return 0;
  return s.limit.value_or(core::deterministic_value(s.duration));
}

StatutoryTotal statutory_total(const Template& t, const std::function<double(std::size_t)>& weight) {
  const std::size_t n = t.steps.size();
  const IdIndex ids(t.steps);
  auto w = [&](std::size_t s) { return weight ? weight(s) : statutory_days(t.steps[s]); };
  std::vector<std::vector<std::size_t>> preds(n);
  for (std::size_t s = 0; s < n; ++s)
    for (const std::string& a : t.steps[s].after)
      if (const std::size_t p = ids(a); p < n) preds[s].push_back(p);
  // Predecessors first (depth-first post-order); a cycle leaves no order.
  std::vector<std::size_t> order;
  std::vector<char> state(n, 0);  // 0 new, 1 on the path, 2 placed
  bool cycle = false;
  std::function<void(std::size_t)> place = [&](std::size_t s) {
    if (state[s] == 2 || cycle) return;
    if (state[s] == 1) {
      cycle = true;
      return;
    }
    state[s] = 1;
    for (std::size_t p : preds[s]) place(p);
    state[s] = 2;
    order.push_back(s);
  };
  for (std::size_t s = 0; s < n; ++s) place(s);
  StatutoryTotal out;
  if (cycle) return out;
  // Earliest statutory begin of each step; construction breaks the chain.
  std::vector<double> begin(n, 0);
  std::vector<std::size_t> from(n, n);  // the predecessor that sets the begin
  for (std::size_t s : order)
    for (std::size_t p : preds[s]) {
      if (t.steps[p].type == StepType::construction) continue;
      double fraction = 1;
      for (const Overlap& o : t.steps[s].overlaps)
        if (o.step == t.steps[p].id) fraction = o.fraction;
      const double at = begin[p] + fraction * w(p);
      if (at > begin[s] || (from[s] == n && at >= begin[s])) begin[s] = at, from[s] = p;
    }
  // The steps construction waits for, transitively.
  std::vector<char> feeds(n, 0);
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    if (t.steps[*it].type == StepType::construction) feeds[*it] = 1;
    if (feeds[*it])
      for (std::size_t p : preds[*it]) feeds[p] = 1;
  }
  std::size_t last = n;
  for (std::size_t s = 0; s < n; ++s) {
    if (!feeds[s] || t.steps[s].type == StepType::construction) continue;
    if (const double finish = begin[s] + w(s); last == n || finish > out.days) out.days = finish, last = s;
  }
  for (std::size_t s = last; s < n; s = from[s])
    if (w(s) > 0) out.chain.push_back(s);
  std::reverse(out.chain.begin(), out.chain.end());
  return out;
}

StatutoryTotal statutory_remaining(const Template& t, const Project& p) {
  const std::set<std::string> done = done_at_start(t, p);
  auto counts = [&](const std::string& id) {
    return !done.count(id) && std::find(p.state.skip.begin(), p.state.skip.end(), id) == p.state.skip.end();
  };
  return statutory_total(t, [&](std::size_t s) { return counts(t.steps[s].id) ? statutory_days(t.steps[s]) : 0.0; });
}

}  // namespace kpsim::model
