// Policies that change the precedence graph of approval steps: parallel
// review, overlap with missing documents, merged steps, phased permits.
#include <algorithm>
#include <set>

#include "sim/policy/policies.hpp"
#include "sim/policy/template_edit.hpp"

namespace kpsim::policy {
namespace {

std::set<std::string> texts(const std::vector<model::Name>& names) {
  std::set<std::string> out;
  for (const model::Name& n : names) out.insert(n.text);
  return out;
}

// Steps listed as done (or skipped) that a policy merged into `into`: the
// merged step is done only if every part was.
void rename_in_states(model::Scenario& sc, const model::Template& before, const std::string& template_id,
                      const std::set<std::string>& parts, const std::string& into) {
  for (model::Project& p : sc.projects) {
    if (p.template_id != template_id) continue;
    const std::set<std::string> done = model::done_closure(before, p.state.done);
    const bool all_done = std::all_of(parts.begin(), parts.end(), [&](const std::string& s) { return done.count(s) > 0; });
    auto& d = p.state.done;
    d.erase(std::remove_if(d.begin(), d.end(), [&](const std::string& s) { return parts.count(s) > 0; }), d.end());
    if (all_done) d.push_back(into);
    const bool all_skipped = std::all_of(parts.begin(), parts.end(), [&](const std::string& s) {
      return std::find(p.state.skip.begin(), p.state.skip.end(), s) != p.state.skip.end();
    });
    p.state.skip.erase(std::remove_if(p.state.skip.begin(), p.state.skip.end(), [&](const std::string& s) { return parts.count(s) > 0; }), p.state.skip.end());
    if (all_skipped) p.state.skip.push_back(into);
  }
}

}  // namespace

void apply(Context& cx, const model::ParallelPolicy& p) {
  const std::size_t errors = cx.diag.errors().size();
  const auto scope = scope_templates(cx, p.select.templates);
  check_selection(cx, p.select, scope);
  bool any = false;
  for (std::size_t ti : scope) {
    model::Template& t = cx.sc.templates[ti];
    std::set<std::string> selected;
    for (const model::Step& s : t.steps)
      if (s.type != model::StepType::construction && matches(p.select, s)) selected.insert(s.id);
    if (selected.size() < 2) continue;
    any = true;
    const model::Template before = t;
    for (model::Step& s : t.steps) {
      if (selected.count(s.id)) {
        const auto keep = s.overlaps;
        s.after = preds_bypassing(before, s.id, selected);
        s.overlaps.clear();
        for (const model::Overlap& o : keep)
          if (!selected.count(o.step)) s.overlaps.push_back(o);
        continue;
      }
      // What waited for the last of a chain of selected steps now waits for
      // every step of that chain, as they no longer wait for each other.
      for (const std::string& pred : std::vector<std::string>(s.after))
        if (selected.count(pred))
          for (const std::string& other : selected)
            if (depends_on(before, pred, other)) add_pred(s, other);
    }
  }
  if (!any && cx.diag.errors().size() == errors) cx.diag.error("E-POL-016", p.select.loc, "the selection has fewer than two approval steps in every template: nothing to run in parallel");
}

void apply(Context& cx, const model::OverlapPolicy& p) {
  const auto scope = scope_templates(cx, p.templates);
  if (!check_step(cx, p.step, scope) || !check_step(cx, p.after, scope)) return;
  std::vector<std::size_t> acted;
  for (std::size_t ti : scope) {
    model::Template& t = cx.sc.templates[ti];
    if (!follows_directly(t, p.step.text, p.after.text)) continue;
    model::Step& s = *find_step(t, p.step.text);
    drop_pred(s, p.after.text);
    s.after.push_back(p.after.text);
    s.overlaps.push_back({p.after.text, p.fraction});
    acted.push_back(ti);
  }
  if (acted.empty()) {
    cx.diag.error("E-POL-017", p.after.loc, "'" + p.step.text + "' does not directly follow '" + p.after.text + "' in any template in scope");
    return;
  }
  if (p.rework_probability == 0) return;
  model::Risk r = policy_risk(cx, "rework", p.step.text, acted);
  r.probability = p.rework_probability;
  r.effect = model::RiskEffect::rework;
  cx.sc.risks.push_back(std::move(r));
}

void apply(Context& cx, const model::MergePolicy& p) {
  const auto scope = scope_templates(cx, p.templates);
  for (const model::Name& n : p.steps) check_step(cx, n, scope);
  if (!p.agency.text.empty()) check_agency(cx, p.agency);
  if (cx.diag.has_errors()) return;
  const std::set<std::string> members = texts(p.steps);
  for (std::size_t ti : scope) {
    model::Template& t = cx.sc.templates[ti];
    std::vector<const model::Step*> parts;
    for (const model::Step& s : t.steps)
      if (members.count(s.id)) parts.push_back(&s);
    if (parts.size() < 2) continue;
    if (has_step(t, p.id.text)) {
      cx.diag.error("E-POL-018", p.id.loc, "template '" + t.id + "' already has a step '" + p.id.text + "'");
      return;
    }
    for (const model::Step* s : parts)
      if (s->type == model::StepType::construction) {
        cx.diag.error("E-POL-019", p.steps.front().loc, "'" + s->id + "' is construction: only approval and land steps merge");
        return;
      }
    model::Step m;
    m.id = p.id.text;
    m.name = p.name.empty() ? p.id.text : p.name;
    m.type = model::StepType::approval;
    m.stage = parts.front()->stage;
    m.agency = p.agency.text.empty() ? parts.front()->agency : p.agency.text;
    m.needs = {{m.agency, 1}};
    m.calendar = p.agency.text.empty() ? parts.front()->calendar : cx.sc.find_agency(m.agency)->calendar;
    m.after = preds_bypassing(t, parts.front()->id, members);
    for (const model::Step* s : parts)
      for (const std::string& pred : preds_bypassing(t, s->id, members)) add_pred(m, pred);
    m.loc = cx.policy.loc;
    m.combine = p.combine;
    bool all_limited = true;
    double limit = 0;
    for (const model::Step* s : parts) {
      if (s->parts.empty()) m.parts.push_back({s->id, s->duration});
      else m.parts.insert(m.parts.end(), s->parts.begin(), s->parts.end());
      m.off_clock.insert(m.off_clock.end(), s->off_clock.begin(), s->off_clock.end());
      all_limited &= s->limit.has_value();
      if (s->limit) limit = p.combine == model::Combine::sum ? limit + *s->limit : std::max(limit, *s->limit);
    }
    if (p.duration) m.parts.clear(), m.duration = *p.duration;
    else m.duration = m.parts.front().duration;  // the deterministic schedule combines the parts
    if (p.limit) m.limit = p.limit;
    else if (all_limited) m.limit = limit;
    const model::Template before = t;
    const auto first = std::find_if(t.steps.begin(), t.steps.end(), [&](const model::Step& s) { return members.count(s.id) > 0; });
    *first = std::move(m);
    t.steps.erase(std::remove_if(first + 1, t.steps.end(), [&](const model::Step& s) { return members.count(s.id) > 0; }),
                  t.steps.end());
    for (model::Step& s : t.steps) {
      bool waited = false;
      for (const std::string& id : members) {
        waited |= std::find(s.after.begin(), s.after.end(), id) != s.after.end();
        drop_pred(s, id);
      }
      if (waited) add_pred(s, p.id.text);
    }
    rename_in_states(cx.sc, before, t.id, members, p.id.text);
  }
}

void apply(Context& cx, const model::PhasedPermitPolicy& p) {
  const auto scope = scope_templates(cx, p.templates);
  if (!check_step(cx, p.permit, scope)) return;
  for (const model::Name& e : p.early) check_step(cx, e, scope);
  if (cx.diag.has_errors()) return;
  const std::set<std::string> early = texts(p.early);
  bool any = false;
  for (std::size_t ti : scope) {
    model::Template& t = cx.sc.templates[ti];
    const model::Step* permit = t.find_step(p.permit.text);
    if (!permit) continue;
    bool all_follow = true;
    for (const std::string& e : early) all_follow &= follows_directly(t, e, p.permit.text);
    if (!all_follow) continue;
    if (has_step(t, p.partial_id.text)) {
      cx.diag.error("E-POL-018", p.partial_id.loc, "template '" + t.id + "' already has a step '" + p.partial_id.text + "'");
      return;
    }
    any = true;
    model::Step partial;
    partial.id = p.partial_id.text;
    partial.name = p.partial_name.empty() ? partial.id : p.partial_name;
    partial.type = model::StepType::approval;
    partial.stage = permit->stage;
    partial.agency = permit->agency;
    partial.needs = permit->needs;
    partial.calendar = permit->calendar;
    partial.duration = p.duration;
    partial.after = permit->after;
    partial.loc = cx.policy.loc;
    const std::string permit_id = permit->id;
    const auto at = std::find_if(t.steps.begin(), t.steps.end(), [&](const model::Step& s) { return s.id == permit_id; });
    t.steps.insert(at, std::move(partial));
    for (model::Step& s : t.steps) {
      if (early.count(s.id)) {
        drop_pred(s, permit_id);
        add_pred(s, p.partial_id.text);
        continue;
      }
      // What follows the early works still needs the full permit.
      const bool after_early = std::any_of(s.after.begin(), s.after.end(), [&](const std::string& a) { return early.count(a) > 0; });
      if (after_early) add_pred(s, permit_id);
    }
  }
  if (!any) cx.diag.error("E-POL-017", p.permit.loc, "no template in scope has every 'early' step directly after '" + p.permit.text + "'");
}

}  // namespace kpsim::policy
