#include "sim/engine/simulate.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "sim/core/rng.hpp"
#include "sim/engine/compile.hpp"
#include "sim/engine/cpm.hpp"
#include "sim/input/load_scenario.hpp"
#include "support/scenario_builder.hpp"

namespace kpsim::engine {
namespace {

using test::StepDef;

TEST(Simulate, WithAmpleCapacityAndFixedDurationsItReproducesTheCpmScheduleExactly) {
  model::Scenario s = test::without_risks_and_quotas(input::load_scenario(KPSIM_SOURCE_DIR "/scenarios/quickstart.yaml"));
  for (auto& a : s.agencies) a.capacity = 100000;
  const Network net = compile(s);
  const CpmSchedule cpm = schedule_cpm(net);
  const Replication rep = simulate(net, 1, 0, {.deterministic = true});
  for (std::uint32_t t = 0; t < net.task_count(); ++t) {
    if (net.tasks[t].done_at_start) continue;
    ASSERT_EQ(rep.trace.start(t), cpm.early.start(t)) << "task " << t;
    ASSERT_EQ(rep.trace.finish(t), cpm.early.finish(t)) << "task " << t;
  }
}

// Three projects, one review step each at one reviewer (all-week calendar),
// all ready at day 0: durations 5, 3, 4.
model::Scenario one_window(model::Discipline discipline) {
  model::Scenario s = test::base_scenario();
  s.agencies[0].calendar = "continuous";
  s.agencies[0].discipline = discipline;
  s.templates.push_back(test::make_template("t", {{"review", 1, {}}, {"build", 10, {"review"}, 1.0}}));
  s.templates[0].steps[0].agency = "office";
  s.templates[0].steps[0].needs = {{"office", 1}};
  for (const auto& [id, days] : {std::pair{"A", 5.0}, std::pair{"B", 3.0}, std::pair{"C", 4.0}}) {
    s.templates.push_back(s.templates[0]);
    s.templates.back().id = std::string("t").append(id);
    s.templates.back().steps[0].duration = core::Distribution::fixed(days);
    s.projects.push_back(test::make_project(id, s.templates.back().id, 1));
  }
  s.projects[2].project_class = model::ProjectClass::key;
  return s;
}

TEST(Simulate, OneReviewerServesFirstComeFirstServed) {
  const Network net = compile(one_window(model::Discipline::fifo));
  const Replication rep = simulate(net, 1, 0, {});
  const auto review = [&](std::uint32_t p) { return net.project_begin[p]; };
  EXPECT_EQ(rep.trace.start(review(0)), 0.0);
  EXPECT_EQ(rep.trace.finish(review(0)), 5.0);
  EXPECT_EQ(rep.trace.start(review(1)), 5.0);
  EXPECT_EQ(rep.trace.finish(review(1)), 8.0);
  EXPECT_EQ(rep.trace.start(review(2)), 8.0);
  EXPECT_EQ(rep.trace.finish(review(2)), 12.0);
  // Construction is not held by the reviewer: B builds from day 8.
  EXPECT_EQ(rep.trace.finish(review(1) + 1), 18.0);
  // Waits 0 + 5 + 8 over three requests; the queue holds 2 for 5 days, 1 for 3.
  EXPECT_DOUBLE_EQ(rep.agency[0].wait_sum, 13.0);
  EXPECT_DOUBLE_EQ(rep.agency[0].queue_area, 2 * 5 + 1 * 3);
  EXPECT_EQ(rep.agency[0].max_queue, 2u);
  EXPECT_DOUBLE_EQ(rep.agency[0].busy_work, 12.0);
}

TEST(Simulate, KeyProjectsGoFirstWhereTheDisciplineSaysSo) {
  const Network net = compile(one_window(model::Discipline::key_first));
  const Replication rep = simulate(net, 1, 0, {});
  // A holds the reviewer from day 0; then key project C before B.
  EXPECT_EQ(rep.trace.start(net.project_begin[2]), 5.0);
  EXPECT_EQ(rep.trace.finish(net.project_begin[2]), 9.0);
  EXPECT_EQ(rep.trace.start(net.project_begin[1]), 9.0);
}

TEST(Simulate, AStepHoldingSeveralResourcesWaitsForAllOfThem) {
  model::Scenario s = one_window(model::Discipline::fifo);
  s.agencies.push_back({"experts", "专家库", 1, "continuous", model::Discipline::fifo, {}});
  // B's review also needs the single expert, which C's review holds first.
  s.templates[2].steps[0].needs.push_back({"experts", 1});  // template tB
  s.templates[3].steps[0].needs.push_back({"experts", 1});  // template tC
  s.agencies[0].capacity = 3;
  const Network net = compile(s);
  const Replication rep = simulate(net, 1, 0, {});
  EXPECT_EQ(rep.trace.start(net.project_begin[0]), 0.0);  // A needs only the office
  EXPECT_EQ(rep.trace.start(net.project_begin[1]), 0.0);  // B gets the expert first
  EXPECT_EQ(rep.trace.start(net.project_begin[2]), 3.0);  // C waits for the expert
}

// M/M/c: Poisson arrivals (rate λ), exponential service (mean 1/μ), c
// reviewers, FIFO. Erlang C gives the mean wait in queue.
double erlang_c_wait(double lambda, double mu, int c) {
  const double a = lambda / mu, rho = a / c;
  double sum = 0, term = 1;
  for (int k = 0; k < c; ++k) {
    if (k > 0) term *= a / k;
    sum += term;
  }
  const double last = term * a / c / (1 - rho);
  return last / (sum + last) / (c * mu - lambda);
}

TEST(Simulate, ManyServerQueueMatchesErlangC) {
  constexpr int kServers = 3, kProjects = 60000;
  constexpr double kLambda = 0.5, kMeanService = 4.0;  // ρ = 2/3
  model::Scenario s = test::base_scenario();
  s.end = test::date("2999-12-31");
  s.agencies[0] = {"office", "window", kServers, "continuous", model::Discipline::fifo, {}};
  s.templates.push_back(test::make_template("t", {{"review", 0, {}}, {"build", 0, {"review"}, 1.0}}));
  s.templates[0].steps[0].agency = "office";
  s.templates[0].steps[0].needs = {{"office", 1}};
  s.templates[0].steps[0].duration = {core::DistKind::exponential, kMeanService, 0, 0};
  for (int i = 0; i < kProjects; ++i) s.projects.push_back(test::make_project(std::string("P").append(std::to_string(i)), "t", 1));
  Network net = compile(s);
  core::RngStream arrivals(99);
  double t = 0;
  for (int i = 0; i < kProjects; ++i) net.project_ready[static_cast<std::size_t>(i)] = t += -std::log(arrivals.uniform()) / kLambda;
  const Replication rep = simulate(net, 5, 0, {});
  // Batch means over the waits (dropping a warm-up) for an honest standard error.
  constexpr int kWarmup = 5000, kBatches = 25;
  const int per_batch = (kProjects - kWarmup) / kBatches;
  std::vector<double> batch(kBatches, 0.0);
  for (int i = 0; i < kBatches * per_batch; ++i) {
    const std::uint32_t task = net.project_begin[static_cast<std::size_t>(kWarmup + i)];
    batch[static_cast<std::size_t>(i / per_batch)] += (rep.trace.start(task) - rep.trace.ready(task)) / per_batch;
  }
  double mean = 0, var = 0;
  for (double b : batch) mean += b / kBatches;
  for (double b : batch) var += (b - mean) * (b - mean) / (kBatches - 1);
  const double se = std::sqrt(var / kBatches);
  const double expected = erlang_c_wait(kLambda, 1 / kMeanService, kServers);
  EXPECT_NEAR(expected, 1.7778, 1e-4);  // the textbook value for these parameters
  EXPECT_NEAR(mean, expected, 3 * se) << "se " << se;
  EXPECT_LT(se, 0.15 * expected);       // the check has teeth
}

}  // namespace
}  // namespace kpsim::engine
