#include "sim/sweep/drivers.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <yaml-cpp/yaml.h>

#include "sim/core/decimal.hpp"
#include "sim/core/sample.hpp"
#include "sim/input/yaml_path.hpp"
#include "sim/sweep/scenario_edits.hpp"

namespace kpsim::sweep {
namespace {

using tables::Cell;

model::SweepValue value(const std::string& text, const model::SourceLoc& loc) {
  return {text, input::value_kind(YAML::Load(text)), loc};
}

// The factor `duration_scale: {type: k}` applies to a step type's durations
// when the scenario is read (1 without one).
double duration_scale(const ScenarioEdits& edits, const std::string& type, const model::SourceLoc& loc) {
  model::Diagnostics ignored;  // no such key: no scale
  const auto target = edits.resolve("duration_scale." + type, loc, ignored);
  if (!target) return 1;
  double k = 1;
  std::from_chars(target->text.data(), target->text.data() + target->text.size(), k);
  return k > 0 ? k : 1;
}

Cell kind_cell(report::DriverKind k) {
  switch (k) {
    case report::DriverKind::risk: return Cell::choice("risk", "风险事件");
    case report::DriverKind::agency: return Cell::choice("agency", "部门人员");
    default: return Cell::choice("step", "环节工期");
  }
}

}  // namespace

DriversPlan plan_drivers(const std::string& scenario, const std::vector<std::string>& overlays, const DriverChoice& choice,
                         std::optional<int> replications, std::optional<std::uint64_t> seed) {
  model::Diagnostics diag;
  std::vector<model::SourceLoc> named_at{{scenario, 0, 0, "SCENARIO"}};
  for (const std::string& o : overlays) named_at.push_back({o, 0, 0, "--policy"});
  const ScenarioEdits edits(scenario, overlays, diag, named_at);
  diag.throw_if_errors();
  const model::Scenario sc = edits.edited_scenario({});  // as written: the paths are in its text

  DriversPlan plan;
  plan.money_unit = sc.money_unit;
  model::SweepSpec& s = plan.spec;
  s.name = "drivers-" + sc.name;
  s.file = scenario;
  s.base = scenario;
  s.overlays = overlays;
  s.files_named_at = named_at;
  s.replications = replications;
  s.seed = seed;
  s.combine = model::SweepCombine::list;
  s.loc = {scenario, 0, 0, ""};
  const model::SourceLoc here{scenario, 0, 0, "drivers"};
  auto add = [&](std::string label, std::vector<std::pair<std::string, std::string>> set) {
    model::SweepListEntry e;
    e.label = std::move(label);
    for (auto& [path, text] : set) {
      e.set.emplace_back(path, value(text, here));
      e.path_locs.push_back({scenario, 0, 0, path});
    }
    e.loc = here;
    s.list.push_back(std::move(e));
  };
  add("base", {});
  if (choice.risks)
    for (std::size_t i = 0; i < sc.risks.size(); ++i) {
      const model::Risk& r = sc.risks[i];
      if (r.probability == 0) continue;  // nothing to remove
      add("risk:" + r.id, {{"risks[" + std::to_string(i) + "].probability", "0"}});
      plan.drivers.push_back({report::DriverKind::risk, r.id, r.name.empty() ? r.id : r.name,
                              "概率 " + core::decimal(r.probability, 2) + " → 0"});
    }
  if (choice.agencies)
    for (const model::Agency& a : sc.agencies) {
      add("agency:" + a.id, {{"agencies." + a.id + ".capacity", std::to_string(a.capacity + 1)}});
      plan.drivers.push_back({report::DriverKind::agency, a.id, a.name,
                              "审批人员 " + std::to_string(a.capacity) + " → " + std::to_string(a.capacity + 1)});
    }
  if (choice.steps)
    for (const model::Template& t : sc.templates)
      for (std::size_t j = 0; j < t.steps.size(); ++j) {
        const model::Step& st = t.steps[j];
        if (st.duration.kind == core::DistKind::fixed) continue;  // its P10 is its value
        const std::string path = "templates." + t.id + ".steps[" + std::to_string(j) + "].duration";
        model::Diagnostics ignored;  // a step made of parts has no duration of its own: not a driver here
        const auto target = edits.resolve(path, here, ignored);
        if (!target) continue;
        const double p10 = core::quantile(st.duration, 0.1) / duration_scale(edits, std::string(model::to_string(st.type)), here);
        const std::string x = core::shortest(std::round(p10 * 1000) / 1000);
        add("step:" + t.id + "/" + st.id, {{path, target->kind == "mapping" ? "{fixed: " + x + "}" : x}});
        plan.drivers.push_back({report::DriverKind::step, t.id + "/" + st.id,
                                (t.name.empty() ? t.id : t.name) + " · " + (st.name.empty() ? st.id : st.name),
                                "工期取P10 " + core::decimal(core::quantile(st.duration, 0.1), 1)});
      }
  if (choice.risks) {
    std::vector<std::pair<std::string, std::string>> all;
    for (std::size_t i = 0; i < sc.risks.size(); ++i)
      if (sc.risks[i].probability > 0) all.emplace_back("risks[" + std::to_string(i) + "].probability", "0");
    if (all.size() > 1) {
      add("all_risks", all);
      plan.all_risks = true;
    }
  }
  if (plan.drivers.empty())
    throw model::InputError({{"E-DRV-001", {scenario, 0, 0, "--what"}, "nothing to rank: the scenario has none of the drivers asked for"}});
  return plan;
}

tables::Sheet drivers_sheet(const DriversPlan& plan, const SweepSummary& summary) {
  tables::Sheet s;
  s.csv = "drivers.csv";
  s.title = "风险驱动因素";
  s.notes = {"逐一去除各风险（发生概率取0）、各部门增加1名审批人员、各环节工期取P10，与基准方案在相同随机数下配对比较；"
             "按" + std::string(summary.lines.empty() ? "" : summary.lines.front().investment_diff.period) +
                 "年多完成投资从大到小排列（" + plan.money_unit + "，90%置信区间）。",
             "全部风险同时去除的增益减去单项增益之和为交互作用：多个风险作用于同一项目的并行环节或同一排队部门时不可简单相加。"};
  s.header = {"rank", "kind", "driver", "name", "change", "investment_gain", "investment_ci90_low", "investment_ci90_high",
              "key_started_gain", "key_started_ci90_low", "key_started_ci90_high", "replications"};
  s.labels = {"排名", "类别", "编号", "驱动因素", "改变", "多完成投资", "90%下限", "90%上限", "多开工重点项目", "90%下限",
              "90%上限", "模拟次数"};
  auto line = [&](std::size_t variant) -> const SweepLine& { return summary.lines.at(variant); };
  std::vector<std::size_t> order(plan.drivers.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return line(a + 1).investment_diff.diff_mean > line(b + 1).investment_diff.diff_mean;
  });
  auto gains = [](const SweepLine& l) {
    const report::PairedStat& i = l.investment_diff;
    const report::PairedStat& k = l.key_started_diff;
    const bool key = !k.metric.empty();
    return std::vector<Cell>{Cell::money(i.diff_mean), Cell::money(i.ci90_low), Cell::money(i.ci90_high),
                             key ? Cell::number(k.diff_mean, 3) : Cell::blank(), key ? Cell::number(k.ci90_low, 3) : Cell::blank(),
                             key ? Cell::number(k.ci90_high, 3) : Cell::blank(), Cell::number(static_cast<double>(i.n), 0)};
  };
  for (std::size_t k = 0; k < order.size(); ++k) {
    const Driver& d = plan.drivers[order[k]];
    std::vector<Cell> row{Cell::number(static_cast<double>(k + 1), 0), kind_cell(d.kind), Cell::of(d.id), Cell::of(d.name),
                          Cell::of(d.change)};
    for (Cell& c : gains(line(order[k] + 1))) row.push_back(std::move(c));
    s.rows.push_back(std::move(row));
  }
  if (plan.all_risks) {
    const SweepLine& all = summary.lines.back();
    std::vector<Cell> row{Cell::blank(), Cell::choice("all_risks", "全部风险"), Cell::of("all_risks"), Cell::of("全部风险同时去除"),
                          Cell::of("全部概率 → 0")};
    for (Cell& c : gains(all)) row.push_back(std::move(c));
    s.rows.push_back(std::move(row));
    double sum = 0, key_sum = 0;
    for (std::size_t i = 0; i < plan.drivers.size(); ++i)
      if (plan.drivers[i].kind == report::DriverKind::risk) {
        sum += line(i + 1).investment_diff.diff_mean;
        key_sum += line(i + 1).key_started_diff.diff_mean;
      }
    const bool key = !all.key_started_diff.metric.empty();
    auto summary_row = [&](const char* code, const char* shown, const char* name, double inv, double keys) {
      s.rows.push_back({Cell::blank(), Cell::choice(code, shown), Cell::of(code), Cell::of(name), Cell::blank(), Cell::money(inv),
                        Cell::blank(), Cell::blank(), key ? Cell::number(keys, 3) : Cell::blank(), Cell::blank(), Cell::blank(),
                        Cell::number(static_cast<double>(all.investment_diff.n), 0)});
    };
    summary_row("sum_of_risks", "单项之和", "各风险单项增益之和", sum, key_sum);
    summary_row("interaction", "交互作用", "交互作用（同时去除 − 单项之和）", all.investment_diff.diff_mean - sum,
                all.key_started_diff.diff_mean - key_sum);
  }
  return s;
}

}  // namespace kpsim::sweep
