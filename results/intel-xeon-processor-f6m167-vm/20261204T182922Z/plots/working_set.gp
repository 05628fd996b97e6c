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
32 0.344912389
1024 0.375937796
65536 1.31148515
1048576 2.65170094
EOD
$d1 << EOD
32 0.301062638
1024 0.374298668
65536 1.13541522
1048576 2.4294891
EOD
$d2 << EOD
64 2.94693305
1024 13.071696
65536 15.3691823
1048576 14.1516275
EOD
$d3 << EOD
32 0.139746288
1024 0.335154768
65536 1.16753769
1048576 2.31478725
EOD
$d4 << EOD
32 0.0712496049
1024 0.301398594
65536 0.997472855
1048576 2.11040682
EOD
$d5 << EOD
32 0.160721941
1024 0.306056993
65536 1.26552743
1048576 2.44332788
EOD
$d6 << EOD
32 0.131715194
1024 0.306719505
65536 1.21060111
1048576 2.43893309
EOD
$d7 << EOD
32 0.0990889136
1024 0.30205983
65536 1.03415228
1048576 2.02233515
EOD
$d8 << EOD
32 0.0624313119
1024 0.304072993
65536 1.08577941
1048576 1.89374257
EOD
$d9 << EOD
32 0.120898045
1024 0.304830868
65536 1.17775575
1048576 2.21768774
EOD
$d10 << EOD
32 0.0651264887
1024 0.304065974
65536 1.02907207
1048576 1.92463089
EOD
$d11 << EOD
32 4.8337688
1024 14.5241031
65536 15.9455917
1048576 16.0964266
EOD
$d12 << EOD
32 2.96183777
1024 13.0467042
65536 14.609795
1048576 14.5577815
EOD
$d13 << EOD
32 8.17650666
1024 8.21095498
65536 10.0717652
1048576 11.4460847
EOD
$d14 << EOD
32 2.88037422
1024 13.4024184
65536 15.229963
1048576 13.3445726
EOD
$d15 << EOD
32 0.0958394119
1024 0.304297334
65536 1.08107181
1048576 2.17881721
EOD
$d16 << EOD
32 0.0616138069
1024 0.304218976
65536 0.985163226
1048576 1.95848366
EOD
$d17 << EOD
32 0.637497298
1024 0.64027341
65536 1.11787291
1048576 3.13218211
EOD
$d18 << EOD
32 0.683268289
1024 0.686227672
65536 1.11659181
1048576 2.71435475
EOD
$d19 << EOD
32 0.664082776
1024 0.633743934
65536 1.1368745
1048576 2.42615002
EOD
plot $d0 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/cpp/scalar/signbit-branch', $d1 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/cpp/scalar/signbit-mask', $d2 using 1:2 with linespoints pointsize 1.1 title 'relu/f64/cpp/scalar/signbit-branch', $d3 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/cpp/avx2/maxps', $d4 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/cpp/avx512f/maxps', $d5 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/jit/avx2/maxps-u1', $d6 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/jit/avx2/maxps-u4', $d7 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/jit/avx512f/maxps-u1', $d8 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/jit/avx512f/maxps-u4', $d9 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/jit/avx2/maxps-rev-u4', $d10 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/jit/avx512f/maxps-rev-u4', $d11 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/jit/scalar/signbit-test-js-u1', $d12 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/jit/scalar/signbit-test-js-u4', $d13 using 1:2 with linespoints pointsize 1.1 title 'sigmoid/f32/cpp/scalar/libm', $d14 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/asm/scalar/signbit-test-js-u4', $d15 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/asm/avx2/maxps-u4', $d16 using 1:2 with linespoints pointsize 1.1 title 'relu/f32/asm/avx512f/maxps-u4', $d17 using 1:2 with linespoints pointsize 1.1 title 'sigmoid/f32/asm/avx512f/exp-rr2-p5-nr1-direct-scalef-u2', $d18 using 1:2 with linespoints pointsize 1.1 title 'sigmoid/f32/asm/avx512f/exp-rr2-p6-nr1-direct-scalef-u2', $d19 using 1:2 with linespoints pointsize 1.1 title 'sigmoid/f32/peer/avx512f/xnnpack'
