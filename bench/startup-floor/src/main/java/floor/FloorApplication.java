package floor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Only what a home page needs: one controller, one template, a security chain that lets everyone in. */
@SpringBootApplication
public class FloorApplication {

    public static void main(String[] args) {
        SpringApplication.run(FloorApplication.class, args);
    }

    @Bean
    SecurityFilterChain everyoneIn(HttpSecurity http) {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
    }

    @Controller
    static class Home {
        @GetMapping("/")
        String home() {
            return "home";
        }
    }
}
