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
32 0.507728726
256 0.502889271
2048 0.683096952
262144 2.53483282
EOD
$d1 << EOD
32 0.788890398
256 0.789905417
2048 0.736199173
262144 2.96262645
EOD
$d2 << EOD
64 7.41936179
256 10.1297209
2048 14.4182851
262144 14.9690382
EOD
$d3 << EOD
32 0.461914509
256 0.303124179
2048 0.368209288
262144 2.00645328
EOD
$d4 << EOD
32 0.380881277
256 0.3814067
2048 0.413613396
262144 2.06494555
EOD
$d5 << EOD
32 0.59002173
256 0.387449863
2048 0.429861616
262144 2.17068225
EOD
$d6 << EOD
32 0.259957745
256 0.290250824
2048 0.36661381
262144 2.17741802
EOD
$d7 << EOD
32 11.2238946
256 15.2765447
2048 16.2723951
262144 16.3984291
EOD
$d8 << EOD
32 6.33154304
256 11.8774958
2048 14.8143422
262144 15.3260628
EOD
$d9 << EOD
32 13.5735125
256 13.6192172
2048 14.126734
262144 14.2647187
EOD
$d10 << EOD
32 5.87586832
256 11.4388426
2048 14.7541544
262144 13.3569622
EOD
$d11 << EOD
32 0.428295363
256 0.444851746
2048 0.440713898
262144 1.75580246
EOD
$d12 << EOD
32 2.80539773
256 2.76419796
2048 2.94567468
262144 4.3089686
EOD
$d13 << EOD
32 3.32334224
256 2.82168531
2048 2.93808068
262144 3.15497307
EOD
plot $d0 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/cpp/scalar/signbit-branch', $d1 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/cpp/scalar/signbit-mask', $d2 using 1:2 with linespoints pointsize 1.1 title 'relu/f64/cpp/scalar/signbit-branch', $d3 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/cpp/avx2/maxps', $d4 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/jit/avx2/maxps-u1', $d5 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/jit/avx2/maxps-u4', $d6 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/jit/avx2/maxps-rev-u4', $d7 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/jit/scalar/signbit-test-js-u1', $d8 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/jit/scalar/signbit-test-js-u4', $d9 using 1:2 with linespoints pointsize 1.1 title 'sigmoid/f32/cpp/scalar/libm', $d10 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/asm/scalar/signbit-test-js-u4', $d11 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/asm/avx2/maxps-u4', $d12 using 1:2 with linespoints pointsize 1.1 title 'sigmoid/f32/asm/avx2/exp-rr2-p6-div-direct-u2', $d13 using 1:2 with linespoints pointsize 1.1 title 'sigmoid/f32/peer/avx2/xnnpack'
