#include "sim/policy/template_edit.hpp"

#include <algorithm>

namespace kpsim::policy {

model::Step* find_step(model::Template& t, const std::string& id) {
  for (model::Step& s : t.steps)
    if (s.id == id) return &s;
  return nullptr;
}

bool has_step(const model::Template& t, const std::string& id) { return t.find_step(id) != nullptr; }

bool follows_directly(const model::Template& t, const std::string& step, const std::string& pred) {
  const model::Step* s = t.find_step(step);
  return s && std::find(s->after.begin(), s->after.end(), pred) != s->after.end();
}

bool depends_on(const model::Template& t, const std::string& step, const std::string& pred) {
  std::vector<std::string> todo{step};
  std::set<std::string> seen;
  while (!todo.empty()) {
    const std::string id = todo.back();
    todo.pop_back();
    const model::Step* s = t.find_step(id);
    if (!s) continue;
    for (const std::string& p : s->after) {
      if (p == pred) return true;
      if (seen.insert(p).second) todo.push_back(p);
    }
  }
  return false;
}

void add_pred(model::Step& s, const std::string& pred) {
  if (pred != s.id && std::find(s.after.begin(), s.after.end(), pred) == s.after.end()) s.after.push_back(pred);
}

void drop_pred(model::Step& s, const std::string& pred) {
  s.after.erase(std::remove(s.after.begin(), s.after.end(), pred), s.after.end());
  s.overlaps.erase(std::remove_if(s.overlaps.begin(), s.overlaps.end(), [&](const model::Overlap& o) { return o.step == pred; }),
                   s.overlaps.end());
}

std::vector<std::string> preds_bypassing(const model::Template& t, const std::string& id,
                                         const std::set<std::string>& through) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  std::vector<std::string> todo;
  if (const model::Step* s = t.find_step(id)) todo = s->after;
  std::reverse(todo.begin(), todo.end());
  while (!todo.empty()) {
    const std::string p = todo.back();
    todo.pop_back();
    if (!seen.insert(p).second) continue;
    if (!through.count(p)) {
      out.push_back(p);
      continue;
    }
    if (const model::Step* s = t.find_step(p))
      for (auto it = s->after.rbegin(); it != s->after.rend(); ++it) todo.push_back(*it);
  }
  return out;
}

}  // namespace kpsim::policy
