// What the system refuses is reported, never a crash: threads it will not
// start are done without (the results are the same on fewer threads).
#include <gtest/gtest.h>
#include <sys/resource.h>

#include "support/run_kpsim.hpp"

namespace kpsim {
namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAddressSanitizer = true;
#else
constexpr bool kAddressSanitizer = false;
#endif
#else
constexpr bool kAddressSanitizer = false;
#endif

TEST(Resources, ThreadsTheSystemWillNotStartAreDoneWithoutAndSaidSo) {
  if (kAddressSanitizer) GTEST_SKIP() << "AddressSanitizer reserves more address space than the limit allows";
  test::ScratchDir dir;
  const auto one = test::run_kpsim("run " + test::kQuickstart + " -n 200 --threads 1 --out '" + (dir / "one").string() + "'");
  ASSERT_EQ(one.status, 0) << one.err;
  // 1 GB of address space: not every thread's stack (8 MiB each) fits, and
  // where they do, a simulator may not. Before, this ended in std::terminate
  // (exit 134); now the run goes on with the threads it has, or says it ran
  // out of memory.
  for (int attempt = 0; attempt < 3; ++attempt) {
    const auto many = test::run_kpsim("run " + test::kQuickstart + " -n 200 --threads 500 --out '" +
                                          (dir / "many").string() + "'",
                                      std::filesystem::current_path(), "ulimit -v 1000000 && ");
    if (many.status == 1) {
      EXPECT_NE(many.err.find("out of memory [E-SYS-001]"), std::string::npos) << many.err;
      continue;
    }
    ASSERT_EQ(many.status, 0) << many.err;
    if (many.err.find("warning: the system started only") == std::string::npos) continue;  // all started this time
    for (const char* f : {"forecast_quarterly.csv", "projects.csv", "summary.json"})
      EXPECT_EQ(test::read_file(dir / "many" / f), test::read_file(dir / "one" / f)) << f;
  }
}

}  // namespace
}  // namespace kpsim

namespace kpsim {
namespace {

// The largest resident size of any child so far, in KiB.
long children_peak_kib() {
  rusage u{};
  getrusage(RUSAGE_CHILDREN, &u);
  return u.ru_maxrss;
}

TEST(Resources, ASweepsMemoryDoesNotGrowWithItsVariants) {
  if (kAddressSanitizer) GTEST_SKIP() << "AddressSanitizer keeps freed memory in quarantine (256 MB)";
  // A two-project portfolio under 40 and 400 variants: before, each variant
  // was kept prepared (about 185 KB each: 66 MB more for the larger sweep);
  // now only those running are, and the larger sweep needs little more.
  test::ScratchDir dir;
  ASSERT_EQ(test::run_kpsim("generate --projects 2 --out tiny.yaml", dir.path()).status, 0);
  auto sweep = [&](int values) {
    std::string list;
    for (int v = 0; v < values; ++v) list += (v ? ", " : "") + std::to_string(20 + v);
    test::write_file(dir / "s.yaml", "kpsim: 1\nsweep: s\nbase: tiny.yaml\nreplications: 1\nblock: 1\naxes:\n"
                                     "  agencies.land_bank.capacity: [1, 2, 3, 4]\n"
                                     "  land.pools.quota.releases[0].mu: [" + list + "]\n");
    const auto r = test::run_kpsim("sweep s.yaml --dry-run --threads 2", dir.path());
    EXPECT_EQ(r.status, 0) << r.err;
    return children_peak_kib();
  };
  const long small = sweep(10), large = sweep(100);
  EXPECT_LT(large - small, 20 * 1024) << "40 variants: " << small << " KiB, 400: " << large << " KiB at most";
}

TEST(CommandLine, UntilConvergedSaysWhenItStoppedAtItsCap) {
  test::ScratchDir dir;
  const auto r = test::run_kpsim("run " + test::kQuickstart + " -n 10 --until-converged 1e-9 --max-rounds 3 --out out", dir.path());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("Not converged: stopped at the cap of 3 rounds of 10 replications (--max-rounds)"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("Converged after"), std::string::npos);
  EXPECT_NE(test::read_file(dir / "out" / "summary.json").find("\"converged\": false"), std::string::npos);
}

TEST(CommandLine, DeterministicWithAReplicationCountIsRefused) {
  const auto r = test::run_kpsim("run " + test::kQuickstart + " --deterministic -n 50");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("[E-CLI-002]"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--deterministic"), std::string::npos) << r.err;
}

TEST(CommandLine, UntilConvergedRefusesNotANumber) {
  const auto r = test::run_kpsim("run " + test::kQuickstart + " --until-converged nan --out /nonexistent/never");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("not a number"), std::string::npos) << r.err;
  const auto zero = test::run_kpsim("run " + test::kQuickstart + " --until-converged 0 --out /nonexistent/never");
  EXPECT_EQ(zero.status, 2);
  EXPECT_NE(zero.err.find("a relative tolerance above 0 and at most 1 (0.01 is 1%), not 0"), std::string::npos) << zero.err;
}

}  // namespace
}  // namespace kpsim
