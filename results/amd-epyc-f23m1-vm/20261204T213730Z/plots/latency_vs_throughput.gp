# actbench plot: gnuplot latency_vs_throughput.gp > latency_vs_throughput.svg
set terminal svg size 900,520 dynamic noenhanced font 'sans,11' background rgb 'white'
set title 'Latency against throughput per kernel (f32, L1)'
set xlabel 'throughput, cycles/value'
set ylabel 'latency, cycles/value'
set grid
set key outside right top box
set logscale x
set logscale y
$d0 << EOD
6.00315201 10.6790975
1.29568701 0.00151264328
0.258499053 0.998752009
0.263438379 2.99530029
EOD
$d1 << EOD
0.428989493 9.94031794
0.500683047 2.00027194
0.517843215 2.99859352
0.382286947 2.99587041
0.516905241 14.6715569
0.31633874 0.975717641
0.266985046 0.999866832
EOD
$d2 << EOD
0.507376535 1.02241441
0.382084725 0.992837307
0.381643743 1.48631805
0.383053972 1.26342773
0.262405108 1.27863353
0.260803903 1.16899222
0.262389066 1.39681588
0.500206186 3.99017334
0.5000547 4.23940023
0.381944261 2.9893126
0.429349332 2.89865639
11.2502927 9.00214846
6.3438156 9.04773597
2.12106887 1.93840113
1.3005607 1.93622519
EOD
$d3 << EOD
0.389904922 281.417398
0.842165928 1835.16091
0.262180068 1.96184431
EOD
$d4 << EOD
6.00761302 4.78282211
EOD
$d5 << EOD
2.73849487 68.7582186
2.88409764 72.2113098
13.671875 53.7359531
EOD
$d6 << EOD
22.9311343 53.7669902
23.4914079 65.8901132
73.1145952 172.471103
EOD
$d7 << EOD
3.31658649 66.3481754
4.87928564 81.1324393
3.67293448 68.7670721
3.03788332 56.5471187
3.41942597 67.4273115
5.9642856 75.4565848
1.44721723 20.2553148
EOD
$d8 << EOD
2.87795652 327.443997
5.24671015 1869.97692
2.62869343 45.0049034
8.96300493 145.694875
4.53886613 99.1148283
19.2543793 53.8180825
EOD
$d9 << EOD
94.9504877 91.90591
EOD
plot $d0 using 1:2 with points pointsize 1.1 title 'relu asm', $d1 using 1:2 with points pointsize 1.1 title 'relu cpp', $d2 using 1:2 with points pointsize 1.1 title 'relu jit', $d3 using 1:2 with points pointsize 1.1 title 'relu peer', $d4 using 1:2 with points pointsize 1.1 title 'relu ref', $d5 using 1:2 with points pointsize 1.1 title 'sigmoid asm', $d6 using 1:2 with points pointsize 1.1 title 'sigmoid cpp', $d7 using 1:2 with points pointsize 1.1 title 'sigmoid jit', $d8 using 1:2 with points pointsize 1.1 title 'sigmoid peer', $d9 using 1:2 with points pointsize 1.1 title 'sigmoid ref'
