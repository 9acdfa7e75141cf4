// compare's side-by-side tables answer without hand work: each variant's
// change against the base is its value minus the base's, a target's status
// follows the at-risk threshold, and the agencies come ranked.
#include "sim/tables/side_by_side.hpp"

#include <gtest/gtest.h>

#include "sim/engine/compile.hpp"
#include "sim/input/load_scenario.hpp"
#include "sim/input/read_policies.hpp"
#include "sim/policy/apply_policies.hpp"
#include "support/forecast.hpp"

namespace kpsim::tables {
namespace {

struct Scenario {
  explicit Scenario(const std::string& overlay)
      : sc(policy::apply_policies(input::load_scenario(KPSIM_SOURCE_DIR "/scenarios/quickstart.yaml"),
                                  overlay.empty() ? std::vector<model::Policy>{}
                                                  : input::load_policy_file(KPSIM_SOURCE_DIR "/scenarios/policies/" + overlay))),
        net(engine::compile(sc)), mc(test::run_forecast(sc, net, [] {
          run::ReplicationOptions o;
          o.replications = 80;
          o.seed = 9;
          return o;
        }())) {}
  ForecastView view() const { return {sc, net, mc}; }
  model::Scenario sc;
  engine::Network net;
  report::MonteCarloForecast mc;
};

std::size_t column(const Sheet& s, const std::string& header) {
  for (std::size_t c = 0; c < s.header.size(); ++c)
    if (s.header[c] == header) return c;
  throw std::logic_error("no column " + header);
}

TEST(SideBySide, ChangesAreVariantMinusBaseAndStatusesFollowTheThreshold) {
  const Scenario base(""), variant("key-total-60.yaml");
  const std::vector<Sheet> sheets = side_by_side_sheets(base.view(), {variant.view()});
  const Sheet& targets = sheets[0];
  ASSERT_FALSE(targets.rows.empty());
  const std::string label = ": 重点项目全流程60日";
  const std::size_t pb = column(targets, "p_miss_base"), pv = column(targets, "p_miss" + label),
                    change = column(targets, "p_miss_change" + label), status = column(targets, "status" + label);
  const double threshold = base.sc.at_risk_threshold;
  double worst = 2;
  for (const auto& row : targets.rows) {
    EXPECT_NEAR(row[change].value, row[pv].value - row[pb].value, 1e-12);
    const std::string& s = row[status].text;
    EXPECT_EQ(s.find("仍未达标") == 0, row[pb].value >= threshold && row[pv].value >= threshold) << s;
    EXPECT_EQ(s.find("已解决") == 0, row[pb].value >= threshold && row[pv].value < threshold) << s;
    EXPECT_LE(row[pv].value, worst);  // worst first in the variant
    worst = row[pv].value;
  }
  const Sheet& agencies = sheets[1];
  const std::size_t rank = column(agencies, "rank" + label), u = column(agencies, "utilisation" + label),
                    ub = column(agencies, "utilisation_base"), du = column(agencies, "utilisation_change" + label);
  for (std::size_t r = 0; r < agencies.rows.size(); ++r) {
    EXPECT_EQ(agencies.rows[r][rank].value, static_cast<double>(r + 1));
    EXPECT_NEAR(agencies.rows[r][du].value, agencies.rows[r][u].value - agencies.rows[r][ub].value, 1e-12);
    if (r > 0) {
      EXPECT_GE(agencies.rows[r - 1][u].value, agencies.rows[r][u].value);
    }
  }
}

}  // namespace
}  // namespace kpsim::tables
