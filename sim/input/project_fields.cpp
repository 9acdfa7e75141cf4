#include "sim/input/project_fields.hpp"

#include <algorithm>

#include "sim/core/date.hpp"
#include "sim/core/distribution.hpp"
#include "sim/core/suggest.hpp"

namespace kpsim::input {
using core::did_you_mean;
using core::nearest_name;
namespace {

std::vector<std::string> template_ids(const model::Scenario& s) {
  std::vector<std::string> ids;
  for (const auto& t : s.templates) ids.push_back(t.id);
  return ids;
}

std::vector<std::string> template_names(const model::Scenario& s) {
  std::vector<std::string> names;
  for (const auto& t : s.templates) names.push_back(t.name);
  return names;
}

std::vector<std::string> step_ids(const model::Template& t) {
  std::vector<std::string> ids;
  for (const auto& s : t.steps) ids.push_back(s.id);
  return ids;
}

std::vector<std::string> step_names(const model::Template& t) {
  std::vector<std::string> names;
  for (const auto& s : t.steps) names.push_back(s.name);
  return names;
}

}  // namespace

const std::vector<std::string>& project_field_names() {
  static const std::vector<std::string> names{
      "id",    "name",   "template",     "class",        "kind",              "level",    "district",
      "zone", "investment", "land_mu", "land_pool", "ready", "start_target", "completion_target", "progress",
      "completed_investment", "registered", "plan", "category", "done", "under_way", "filed", "worked"};
  return names;
}

ProjectReader::ProjectReader(const model::Scenario& scenario, model::Diagnostics& diag, model::SourceLoc where)
    : scenario_(scenario), diag_(diag), errors_at_start_(diag.errors().size()) {
  p_.loc = std::move(where);
}

void ProjectReader::set(std::string_view field, const Located& v) {
  seen_.emplace_back(field);
  auto text = [&]() -> std::string {
    if (v.text.empty()) diag_.error("E-PRJ-001", v.loc, "expected text, got nothing");
    return v.text;
  };
  const NumberForm money{false, scenario_.money_unit};
  auto non_negative = [&](double& out, const NumberForm& form = {}) {
    if (auto x = to_number(v, diag_, form)) {
      if (*x < 0) diag_.error("E-PRJ-002", v.loc, "must not be negative");
      else out = *x;
    }
  };
  if (field == "id") p_.id = text();
  else if (field == "name") p_.name = text();
  else if (field == "template") p_.template_id = text(), template_ = v;
  else if (field == "level") p_.level = v.text;
  else if (field == "district") p_.district = v.text;
  else if (field == "zone") p_.zone = v.text;
  else if (field == "land_pool") p_.land_pool = text(), land_pool_ = v;
  else if (field == "category") p_.category = v.text;
  else if (field == "plan") {
    double x = 0;
    non_negative(x, money);
    p_.plan = x;
  } else if (field == "registered") {
    // 入库月份: a month (2026-03) or a day in it.
    if (auto d = core::parse_iso_date(v.text.size() == 7 ? v.text + "-01" : v.text)) p_.registered = *d;
    else diag_.error("E-VAL-003", v.loc, "expected a month YYYY-MM or a date YYYY-MM-DD, got '" + v.text + "'");
  }
  else if (field == "class") {
    if (auto c = to_choice(v, {{"key", "重点"}, {"normal", "一般"}}, diag_))
      p_.project_class = *c == "key" ? model::ProjectClass::key : model::ProjectClass::normal;
  } else if (field == "kind") {
    if (auto k = to_choice(v, {{"government", "政府投资"}, {"enterprise", "企业投资"}, {"industrial", "工业"}}, diag_))
      p_.kind = *k == "government" ? model::ProjectKind::government
                : *k == "enterprise" ? model::ProjectKind::enterprise
                                     : model::ProjectKind::industrial;
  } else if (field == "investment") {
    investment_ = v;
    if (auto x = to_number(v, diag_, money)) {
      // Sums of a million such amounts stay far from overflow and keep their decimals.
      if (*x <= 0 || *x > 1e12) diag_.error("E-PRJ-003", v.loc, "investment must be positive and at most 1e12");
      else p_.investment = *x;
    }
  } else if (field == "land_mu") non_negative(p_.land_mu, {false, "亩"});
  else if (field == "progress") {
    if (auto x = to_number(v, diag_, {true, {}})) {  // 形象进度 "55%" or 0.55
      if (*x < 0 || *x > 1) diag_.error("E-PRJ-004", v.loc, "progress is a share of construction between 0 and 1");
      else p_.state.progress = *x;
    }
  } else if (field == "completed_investment") {
    completed_ = v;
    double x = 0;
    non_negative(x, money);
    p_.state.completed_investment = x;
  } else if (field == "under_way") {
    p_.state.under_way = text();
    under_way_ = v;
  } else if (field == "filed") {
    filed_ = v;
    p_.state.filed = to_date(v, diag_);
  } else if (field == "worked") {
    worked_ = v;
    if (auto x = to_number(v, diag_)) {
      if (*x < 0 || *x > core::kMaxDurationDays) diag_.error("E-PRJ-013", v.loc, "worked is a number of working days, 0 or more");
      else p_.state.worked = *x;
    }
  } else if (field == "ready" || field == "start_target" || field == "completion_target") {
    auto d = to_date(v, diag_);
    if (d && *d > scenario_.last_table_day()) {
      diag_.error("E-VAL-005", v.loc, "after " + scenario_.last_table_day().iso() +
                                          ", where the calendars end (the horizon plus 25 years)");
      d.reset();
    }
    (field == "ready" ? p_.ready : field == "start_target" ? p_.start_target : p_.completion_target) = d;
  } else {
    diag_.error("E-PRJ-005", v.loc,
                "unknown project field '" + std::string(field) + "'" + did_you_mean(field, project_field_names()));
  }
}

void ProjectReader::add_done(const Located& step_id) {
  seen_.emplace_back("done");
  done_.push_back(step_id);
}

// The step under way: one of the template's, not done, not construction
// (whose progress is `progress`), filed before the start date.
void ProjectReader::check_under_way(const model::Template* tmpl) {
  if (!under_way_) {
    if (filed_ || worked_)
      diag_.error("E-PRJ-014", (filed_ ? filed_ : worked_)->loc, "say which step is under way ('under_way: STEP')");
    return;
  }
  if (p_.state.filed && *p_.state.filed >= scenario_.start)
    diag_.error("E-PRJ-015", filed_->loc, "a step under way was filed before the start date " + scenario_.start.iso() + ", not on or after it");
  if (!tmpl) return;
  const std::string& id = p_.state.under_way;
  const model::Step* step = tmpl->find_step(id);
  if (!step)
    diag_.error("E-PRJ-008", under_way_->loc, "template '" + tmpl->id + "' has no step '" + id + "'" + did_you_mean(id, step_ids(*tmpl)));
  else if (step->type == model::StepType::construction)
    diag_.error("E-PRJ-016", under_way_->loc, "construction under way is given by 'progress', not 'under_way'");
  else if (std::find(p_.state.done.begin(), p_.state.done.end(), id) != p_.state.done.end())
    diag_.error("E-PRJ-017", under_way_->loc, "step '" + id + "' is both done and under way");
  else if (p_.state.progress > 0 && step->type != model::StepType::construction)
    // Construction under way means every step before it is done: the step
    // would be dropped without a word.
    diag_.error("E-PRJ-018", under_way_->loc,
                "step '" + id + "' cannot be under way: the project is already under construction ('progress')");
}

bool ProjectReader::finish(model::Project& out) {
  for (const char* required : {"id", "name", "template", "investment"})
    if (std::find(seen_.begin(), seen_.end(), required) == seen_.end())
      diag_.error("E-PRJ-006", p_.loc, std::string("missing required field '") + required + "'");
  const model::Template* tmpl = nullptr;
  if (template_ && !p_.template_id.empty()) {
    tmpl = scenario_.find_template(p_.template_id);
    if (!tmpl)
      diag_.error("E-PRJ-007", template_->loc,
                  "unknown template '" + p_.template_id + "'" +
                      did_you_mean(p_.template_id, template_ids(scenario_), template_names(scenario_)));
  }
  if (tmpl)
    for (const Located& d : done_) {
      if (tmpl->find_step(d.text)) p_.state.done.push_back(d.text);
      else
        diag_.error("E-PRJ-008", d.loc,
                    "template '" + tmpl->id + "' has no step '" + d.text + "'" + did_you_mean(d.text, step_ids(*tmpl), step_names(*tmpl)));
    }
  check_under_way(tmpl);
  if (land_pool_ && !p_.land_pool.empty() && !scenario_.find_land_pool(p_.land_pool)) {
    std::vector<std::string> pools;
    for (const auto& lp : scenario_.land_pools) pools.push_back(lp.id);
    diag_.error("E-PRJ-011", land_pool_->loc, "unknown land pool '" + p_.land_pool + "'" + did_you_mean(p_.land_pool, pools));
  }
  if (p_.land_pool.empty() && !scenario_.land_pools.empty()) p_.land_pool = scenario_.land_pools.front().id;
  if (completed_ && p_.investment > 0 && p_.state.completed_investment && *p_.state.completed_investment > p_.investment)
    diag_.error("E-PRJ-009", completed_->loc, "completed investment exceeds the project's total investment");
  out = std::move(p_);
  return diag_.errors().size() == errors_at_start_;
}

}  // namespace kpsim::input
