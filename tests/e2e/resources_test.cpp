// What the system refuses is reported, never a crash: threads it will not
// start are done without (the results are the same on fewer threads).
#include <gtest/gtest.h>

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

TEST(CommandLine, UntilConvergedRefusesNotANumber) {
  const auto r = test::run_kpsim("run " + test::kQuickstart + " --until-converged nan --out /nonexistent/never");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("not a number"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace kpsim
