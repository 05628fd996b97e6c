# The debug preset turns this on: every library and test runs under ASan and UBSan, and any
# UBSan report is fatal so a test cannot pass over undefined behaviour.
if(ACTBENCH_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
# -Wrestrict misfires on std::string concatenation in GCC 12 (GCC bug 105329).
add_compile_options(-Wall -Wextra -Wno-restrict)
