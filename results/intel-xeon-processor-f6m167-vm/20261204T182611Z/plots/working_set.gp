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
32 0.344811832
1024 0.375772921
65536 1.1848072
1048576 2.41209567
EOD
$d1 << EOD
32 0.302202384
1024 0.374385874
65536 1.1667281
1048576 2.33450878
EOD
$d2 << EOD
64 2.94932923
1024 13.017888
65536 15.3159744
1048576 14.338806
EOD
$d3 << EOD
32 0.13900557
1024 0.305566611
65536 1.10695312
1048576 2.26149476
EOD
$d4 << EOD
32 0.0714738999
1024 0.337304447
65536 0.993325427
1048576 1.96407485
EOD
$d5 << EOD
32 0.159445367
1024 0.30625398
65536 1.13838854
1048576 2.57411527
EOD
$d6 << EOD
32 0.132088738
1024 0.305962482
65536 1.11785063
1048576 2.2021536
EOD
$d7 << EOD
32 0.0972601471
1024 0.301454384
65536 1.0541383
1048576 2.00911944
EOD
$d8 << EOD
32 0.0616836559
1024 0.303828641
65536 1.0779669
1048576 1.97253663
EOD
$d9 << EOD
32 0.120589774
1024 0.304971441
65536 1.19363163
1048576 2.22165449
EOD
$d10 << EOD
32 0.0651287731
1024 0.303860975
65536 1.04216376
1048576 1.954187
EOD
$d11 << EOD
32 5.08666509
1024 14.5163231
65536 16.210089
1048576 16.8083039
EOD
$d12 << EOD
32 2.95361555
1024 13.0364148
65536 14.6778171
1048576 14.3107609
EOD
$d13 << EOD
32 8.17966633
1024 8.30880163
65536 11.2252963
1048576 10.8539547
EOD
$d14 << EOD
32 2.8716978
1024 13.4089195
65536 14.2964421
1048576 14.9760249
EOD
$d15 << EOD
32 0.0962313819
1024 0.304270966
65536 1.1010216
1048576 2.23291524
EOD
$d16 << EOD
32 0.0615912403
1024 0.304247704
65536 1.00300665
1048576 1.79816133
EOD
$d17 << EOD
32 0.638183904
1024 0.64471481
65536 1.11264068
1048576 2.47383293
EOD
$d18 << EOD
32 0.683468282
1024 0.69426145
65536 1.29438102
1048576 2.58752113
EOD
$d19 << EOD
32 0.664715543
1024 0.633745328
65536 1.56457573
1048576 2.42795705
EOD
plot $d0 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/cpp/scalar/signbit-branch', $d1 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/cpp/scalar/signbit-mask', $d2 using 1:2 with linespoints pointsize 1.1 title 'relu/f64/cpp/scalar/signbit-branch', $d3 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/cpp/avx2/maxps', $d4 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/cpp/avx512f/maxps', $d5 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/jit/avx2/maxps-u1', $d6 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/jit/avx2/maxps-u4', $d7 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/jit/avx512f/maxps-u1', $d8 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/jit/avx512f/maxps-u4', $d9 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/jit/avx2/maxps-rev-u4', $d10 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/jit/avx512f/maxps-rev-u4', $d11 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/jit/scalar/signbit-test-js-u1', $d12 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/jit/scalar/signbit-test-js-u4', $d13 using 1:2 with linespoints pointsize 1.1 title 'sigmoid/f32/cpp/scalar/libm', $d14 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/asm/scalar/signbit-test-js-u4', $d15 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/asm/avx2/maxps-u4', $d16 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/asm/avx512f/maxps-u4', $d17 using 1:2 with linespoints pointsize 1.1 title 'sigmoid/f32/asm/avx512f/exp-rr2-p5-nr1-direct-scalef-u2', $d18 using 1:2 with linespoints pointsize 1.1 title 'sigmoid/f32/asm/avx512f/exp-rr2-p6-nr1-direct-scalef-u2', $d19 using 1:2 with linespoints pointsize 1.1 title 'sigmoid/f32/peer/avx512f/xnnpack'
