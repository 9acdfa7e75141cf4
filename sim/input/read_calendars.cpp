#include "sim/input/read_calendars.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

#include "sim/core/decimal.hpp"
#include "sim/input/read_distribution.hpp"

namespace kpsim::input {
namespace {

const std::vector<std::string> kWeekdays{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

void read_week(const Value& v, core::WorkPattern& p) {
  if (v.is_scalar() && v.node().Scalar() == "all") {
    p.weekday_works.fill(true);
    return;
  }
  if (!v.is_sequence()) {
    v.error("E-CAL-001", "expected a list of weekdays (mon … sun) or 'all'");
    return;
  }
  p.weekday_works.fill(false);
  for (const Value& d : v.elements())
    if (auto name = d.one_of(kWeekdays))
      p.weekday_works[static_cast<std::size_t>(std::find(kWeekdays.begin(), kWeekdays.end(), *name) - kWeekdays.begin())] = true;
}

// 0 closes; a slowed day does at least core::kMinIntensity of a day's work.
std::optional<double> read_intensity(const Value& v, double most) {
  auto x = v.number();
  if (!x) return std::nullopt;
  if (*x != 0 && (*x < core::kMinIntensity || *x > most)) {
    v.error("E-CAL-030", "an intensity is 0 (closed) or between " + core::decimal(core::kMinIntensity, 2) + " and " +
                             core::decimal(most, 0) + " (a share of a full day's work)");
    return std::nullopt;
  }
  return x;
}

void read_stop(const Value& v, core::WorkPattern& p) {
  MapReader m(v, {"name", "from", "to", "intensity"});
  auto from = m.require("from"), to = m.require("to");
  if (auto name = m.get("name")) name->text();
  double intensity = 0;  // a stop closes unless it only slows work
  if (auto i = m.get("intensity")) intensity = read_intensity(*i, 1).value_or(0);
  if (!from || !to) return;
  if (!from->is_scalar() || !to->is_scalar()) {
    v.error("E-CAL-002", "a stop's from and to are dates YYYY-MM-DD or yearly days MM-DD");
    return;
  }
  auto md_from = core::parse_month_day(from->node().Scalar());
  auto md_to = core::parse_month_day(to->node().Scalar());
  if (md_from || md_to) {
    if (!md_from) from->error("E-CAL-003", "expected a yearly day MM-DD like 'to', got '" + from->node().Scalar() + "'");
    if (!md_to) to->error("E-CAL-003", "expected a yearly day MM-DD like 'from', got '" + to->node().Scalar() + "'");
    if (md_from && md_to)
      p.yearly_stops.push_back({md_from->first, md_from->second, md_to->first, md_to->second, intensity});
    return;
  }
  auto d_from = from->date(), d_to = to->date();
  if (!d_from || !d_to) return;
  if (*d_to < *d_from) {
    to->error("E-CAL-004", "a stop ends before it starts");
    return;
  }
  p.dated_stops.push_back({*d_from, *d_to, intensity});
}

void read_lost_days(const Value& v, model::CalendarSpec& spec) {
  MapReader m(v, {"name", "months", "per_month"});
  if (!m.ok()) return;
  model::LostDays l;
  if (auto n = m.get("name")) l.name = n->text().value_or("");
  if (auto months = m.require("months"))
    for (const Value& e : months->one_or_many())
      if (auto x = e.integer()) {
        if (*x < 1 || *x > 12) e.error("E-CAL-005", "a month is 1 to 12");
        else l.months.push_back(static_cast<int>(*x));
      }
  auto per_month = m.require("per_month");
  if (!per_month) return;
  auto d = read_distribution(*per_month);
  if (!d) return;
  l.per_month = *d;
  spec.lost_days.push_back(std::move(l));
}

// restart: {lag: DIST (calendar days), ramp: {days, from}, dates: [...]}
void read_restart(const Value& v, model::CalendarSpec& spec) {
  MapReader m(v, {"lag", "ramp", "dates"});
  if (!m.ok()) return;
  model::RestartRule rule;
  if (auto l = m.require("lag")) rule.lag = read_distribution(*l).value_or(rule.lag);
  if (auto r = m.get("ramp")) {
    MapReader rm(*r, {"days", "from"});
    if (auto d = rm.require("days"))
      if (auto x = d->number()) {
        if (*x < 0 || *x > 365) d->error("E-CAL-032", "a ramp lasts 0 to 365 working days");
        else rule.ramp.days = *x;
      }
    if (auto f = rm.require("from"))
      if (auto x = f->number()) {
        if (*x < core::kMinIntensity || *x > 1)
          f->error("E-CAL-032", "a ramp starts at a pace between " + core::decimal(core::kMinIntensity, 2) + " and 1");
        else rule.ramp.from = *x;
      }
  }
  if (auto d = m.get("dates"))
    for (const Value& e : d->elements())
      if (auto date = e.date()) rule.dates.push_back(*date);
  bool closes = !rule.dates.empty();
  for (const auto& stop : spec.pattern.yearly_stops) closes |= stop.intensity == 0;
  for (const auto& stop : spec.pattern.dated_stops) closes |= stop.intensity == 0;
  if (!closes) v.error("E-CAL-033", "nothing to restart from: the calendar has no stop that closes it and no restart 'dates'");
  spec.restart = std::move(rule);
}

void read_calendar(const Value& v, model::CalendarSpec& spec, const std::string& base_dir) {
  MapReader m(v, {"week", "holidays", "off", "work", "stops", "lost_days", "monthly_intensity", "restart"});
  if (!m.ok()) return;
  if (auto w = m.get("week")) read_week(*w, spec.pattern);
  if (auto h = m.get("holidays")) {
    for (const Value& f : h->one_or_many()) {
      auto name = f.text();
      if (!name) continue;
      const std::filesystem::path path = std::filesystem::path(base_dir) / *name;
      if (!readable_file(path.lexically_normal().string(), f.loc(), v.diagnostics())) continue;
      const std::size_t before = v.diagnostics().errors().size();
      read_holiday_file(path.lexically_normal().string(), spec, v.diagnostics());
      // Name the include site too, so the user knows which line pulled it in.
      if (v.diagnostics().errors().size() > before) f.error("E-CAL-010", "in the holiday file included here");
    }
  }
  for (const auto& [key, on] : {std::pair{"off", false}, std::pair{"work", true}})
    if (auto list = m.get(key))
      for (const Value& d : list->elements())
        if (auto date = d.date()) spec.pattern.exceptions.emplace_back(*date, on);
  if (auto stops = m.get("stops"))
    for (const Value& s : stops->elements()) read_stop(s, spec.pattern);
  if (auto lost = m.get("lost_days"))
    for (const Value& l : lost->elements()) read_lost_days(l, spec);
  if (auto r = m.get("restart")) read_restart(*r, spec);
  // {month: intensity}: the months not named keep a full day's work.
  if (auto profile = m.get("monthly_intensity")) {
    MapReader pm(*profile, {});
    for (auto& [month, value] : pm.entries()) {
      int k = 0;
      const bool valid = month.size() <= 2 && std::all_of(month.begin(), month.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
                         (k = std::stoi(month)) >= 1 && k <= 12;
      if (!valid) {
        value.error("E-CAL-031", "monthly_intensity is keyed by month, 1 to 12, not '" + month + "'");
        continue;
      }
      if (auto x = read_intensity(value, 2)) {
        if (*x == 0) value.error("E-CAL-030", "a month's intensity is above 0: close days with a stop instead");
        else spec.pattern.month_intensity[static_cast<std::size_t>(k - 1)] = *x;
      }
    }
  }
}

}  // namespace

void read_holiday_file(const std::string& path, model::CalendarSpec& spec, model::Diagnostics& diag) {
  const auto file = parse_yaml_file(path, diag);
  if (!file) return;
  const Value doc = file->root_value(diag);
  MapReader m(doc, {"kpsim_holidays", "name", "source", "known_through", "days"});
  if (!m.ok()) return;
  if (auto version = m.require("kpsim_holidays"))
    if (auto n = version->integer(); n && *n != 1)
      version->error("E-CAL-011", "unsupported holiday file version " + std::to_string(*n) + " (this kpsim reads 1)");
  if (auto name = m.get("name")) name->text();
  if (auto source = m.get("source")) source->text();
  if (auto k = m.require("known_through"))
    if (auto d = k->date()) spec.holidays_known_through = spec.holidays_known_through ? std::max(*spec.holidays_known_through, *d) : *d;
  auto days = m.require("days");
  if (!days) return;
  std::map<core::Date, bool> said;  // in this file: a day both off and work is a contradiction
  for (const Value& entry : days->elements()) {
    if (!entry.is_sequence() || entry.node().size() < 2 || entry.node().size() > 3) {
      entry.error("E-CAL-012", "expected [date, off|work] or [date, off|work, name]");
      continue;
    }
    auto items = entry.elements();
    auto date = items[0].date();
    auto kind = items[1].one_of({"off", "work"});
    if (items.size() == 3) items[2].text();
    if (!date || !kind) continue;
    const bool works = *kind == "work";
    if (const auto [it, fresh] = said.emplace(*date, works); !fresh && it->second != works) {
      items[1].error("E-CAL-013", date->iso() + " is listed both as a day off and as a working day");
      continue;
    }
    spec.pattern.exceptions.emplace_back(*date, works);
  }
}

std::vector<model::CalendarSpec> read_calendars(const Value& v, const std::string& base_dir) {
  std::vector<model::CalendarSpec> out;
  MapReader m(v, {});
  for (auto& [id, value] : m.entries()) {
    model::CalendarSpec spec;
    spec.id = id;
    spec.loc = value.loc();
    read_calendar(value, spec, base_dir);
    out.push_back(std::move(spec));
  }
  return out;
}

}  // namespace kpsim::input
