# actbench plot: gnuplot working_set.gp > working_set.svg
set terminal svg size 900,520 dynamic noenhanced font 'sans,11' background rgb 'white'
set title 'Throughput against working-set size'
set xlabel 'working set, input + output (KiB)'
set ylabel 'cycles/value'
set grid
set key outside right top box
set logscale x
set logscale y
$d0 << EOD
32 0.428989493
256 0.467402701
2048 0.471112676
262144 2.26315181
EOD
$d1 << EOD
32 0.500683047
256 0.50134787
2048 0.561332943
262144 1.90681561
EOD
$d2 << EOD
64 7.53321557
256 10.7577379
2048 14.9731484
262144 15.7012241
EOD
$d3 << EOD
32 0.266985046
256 0.297669441
2048 0.372598338
262144 3.44662757
EOD
$d4 << EOD
32 0.381643743
256 0.380809581
2048 0.472799386
262144 2.20150087
EOD
$d5 << EOD
32 0.383053972
256 0.376299977
2048 0.518908154
262144 1.54898629
EOD
$d6 << EOD
32 0.262405108
256 0.292176407
2048 0.371295741
262144 3.21477727
EOD
$d7 << EOD
32 11.2502927
256 15.0245667
2048 16.7985991
262144 16.7441163
EOD
$d8 << EOD
32 6.3438156
256 11.8880446
2048 14.9424222
262144 14.8847654
EOD
$d9 << EOD
32 22.9311343
256 13.6572339
2048 14.4795035
262144 14.0916358
EOD
$d10 << EOD
32 6.00315201
256 11.3520716
2048 14.768036
262144 15.3491532
EOD
$d11 << EOD
32 0.263438379
256 0.289395819
2048 0.37125089
262144 1.92480758
EOD
$d12 << EOD
32 2.88409764
256 2.73497662
2048 2.93457029
262144 3.05994894
EOD
$d13 << EOD
32 2.87795652
256 2.82378503
2048 3.02930966
262144 3.4609139
EOD
plot $d0 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/cpp/scalar/signbit-branch', $d1 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/cpp/scalar/signbit-mask', $d2 using 1:2 with linespoints pointsize 1.1 title 'relu/f64/cpp/scalar/signbit-branch', $d3 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/cpp/avx2/maxps', $d4 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/jit/avx2/maxps-u1', $d5 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/jit/avx2/maxps-u4', $d6 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/jit/avx2/maxps-rev-u4', $d7 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/jit/scalar/signbit-test-js-u1', $d8 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/jit/scalar/signbit-test-js-u4', $d9 using 1:2 with linespoints pointsize 1.1 title 'sigmoid/f32/cpp/scalar/libm', $d10 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/asm/scalar/signbit-test-js-u4', $d11 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/asm/avx2/maxps-u4', $d12 using 1:2 with linespoints pointsize 1.1 title 'sigmoid/f32/asm/avx2/exp-rr2-p6-div-direct-u2', $d13 using 1:2 with linespoints pointsize 1.1 title 'sigmoid/f32/peer/avx2/xnnpack'
