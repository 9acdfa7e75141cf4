#include "sim/tables/statutory_tables.hpp"

#include <algorithm>

#include "sim/model/statutory_total.hpp"

namespace kpsim::tables {
namespace {

std::string chain_text(const model::Template& t, const model::StatutoryTotal& total) {
  std::string s;
  for (std::size_t i : total.chain) s += (s.empty() ? "" : " → ") + t.steps[i].id;
  return s;
}

bool used(const model::Scenario& sc, const std::string& id) {
  return std::any_of(sc.projects.begin(), sc.projects.end(), [&](const model::Project& p) { return p.template_id == id; }) ||
         std::any_of(sc.arrivals.begin(), sc.arrivals.end(), [&](const model::ArrivalStream& a) { return a.template_id == id; });
}

}  // namespace

Sheet template_statutory_sheet(const model::Scenario& sc) {
  Sheet s;
  s.title = "法定时限（模板）";
  s.notes = {"全流程法定审批时限（工作日）：决定开工日的审批、用地环节链上法定时限之和（无时限的环节按最可能用时）"};
  s.header = {"template", "name", "statutory_before", "statutory_after", "change", "chain_after"};
  s.labels = {"模板", "名称", "政策前", "政策后", "变化", "决定时限的环节链（政策后）"};
  for (const model::Template& t : sc.templates) {
    if (!used(sc, t.id)) continue;
    const model::StatutoryTotal after = model::statutory_total(t);
    const double before = t.statutory_before.value_or(after.days);
    s.rows.push_back({Cell::of(t.id), Cell::of(t.name), Cell::number(before, 1), Cell::number(after.days, 1),
                      Cell::number(after.days - before, 1), Cell::of(chain_text(t, after))});
  }
  return s;
}

Sheet project_statutory_sheet(const model::Scenario& sc) {
  Sheet s;
  s.csv = "statutory_totals.csv";
  s.title = "法定时限（项目）";
  s.notes = {"全流程法定审批时限（工作日），政策前后：模板全流程，及项目在开始日尚未办理的部分（已办、免办环节不计）"};
  s.header = {"id", "name", "template", "template_before", "template_after", "remaining_before", "remaining_after",
              "remaining_chain_after"};
  s.labels = {"项目", "名称", "模板", "模板·政策前", "模板·政策后", "项目剩余·政策前", "项目剩余·政策后", "剩余环节链（政策后）"};
  for (const model::Project& p : sc.projects) {
    const model::Template* t = sc.find_template(p.template_id);
    if (!t) continue;
    const model::StatutoryTotal full = model::statutory_total(*t), left = model::statutory_remaining(*t, p);
    s.rows.push_back({Cell::of(p.id), Cell::of(p.name), Cell::of(t->family), Cell::number(t->statutory_before.value_or(full.days), 1),
                      Cell::number(full.days, 1), Cell::number(p.statutory_before.value_or(left.days), 1),
                      Cell::number(left.days, 1), Cell::of(chain_text(*t, left))});
  }
  return s;
}

}  // namespace kpsim::tables
