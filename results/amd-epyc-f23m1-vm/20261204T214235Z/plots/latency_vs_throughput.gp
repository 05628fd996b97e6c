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
5.87586832 9.50652943
1.70486975 0.3848938
0.424709643 1.74301852
0.428295363 2.19236798
EOD
$d1 << EOD
0.507728726 8.56781006
0.788890398 2.22697285
0.515140672 2.99790326
0.380493449 2.99622603
0.514835506 15.1494981
0.315201746 0.999450684
0.461914509 1.00782992
EOD
$d2 << EOD
0.506847765 0.999755859
0.381143631 1.00154503
0.380881277 0.959485435
0.59002173 1.36967929
0.259957745 1.21800367
0.262216421 1.15657906
0.259327652 1.15831293
0.500157604 3.99157592
0.499861042 3.58207429
0.381034251 2.98929586
0.381945714 2.72770953
11.2238946 9.05937815
6.33154304 9.11381381
2.12458662 1.94792177
1.30123782 1.95802524
EOD
$d3 << EOD
0.385637804 282.430518
1.28454686 2382.09213
0.512757794 19.0775454
EOD
$d4 << EOD
5.0087132 4.80103337
EOD
$d5 << EOD
4.71882225 68.8185522
2.80539773 72.2017323
22.3049669 49.4771486
EOD
$d6 << EOD
13.5735125 53.7436304
29.2266524 66.0563278
73.5001032 170.753533
EOD
$d7 << EOD
2.08510441 57.9521007
4.88024779 82.3758703
3.67615418 68.7997867
3.03745462 56.7069951
3.44935826 68.4802367
5.9650597 52.4817896
1.01527496 20.8359378
EOD
$d8 << EOD
3.32334224 342.654993
8.5971959 2933.08175
4.59503391 78.0730247
5.1618954 116.926653
3.34899585 95.1110247
13.5857077 53.763693
EOD
$d9 << EOD
95.8991957 93.3336736
EOD
plot $d0 using 1:2 with points pointsize 1.1 title 'relu asm', $d1 using 1:2 with points pointsize 1.1 title 'relu cpp', $d2 using 1:2 with points pointsize 1.1 title 'relu jit', $d3 using 1:2 with points pointsize 1.1 title 'relu peer', $d4 using 1:2 with points pointsize 1.1 title 'relu ref', $d5 using 1:2 with points pointsize 1.1 title 'sigmoid asm', $d6 using 1:2 with points pointsize 1.1 title 'sigmoid cpp', $d7 using 1:2 with points pointsize 1.1 title 'sigmoid jit', $d8 using 1:2 with points pointsize 1.1 title 'sigmoid peer', $d9 using 1:2 with points pointsize 1.1 title 'sigmoid ref'
